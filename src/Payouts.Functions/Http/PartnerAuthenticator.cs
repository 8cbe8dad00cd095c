using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Http;

/// <summary>Checks a partner's <c>Payouts-Signature</c> against that partner's active secrets (two during a rotation).</summary>
public sealed class PartnerAuthenticator(IOptionsMonitor<PayoutsOptions> options, IClock clock)
{
    public SignatureCheck Verify(string partnerId, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        var current = options.CurrentValue;
        var secrets = current.Partners.TryGetValue(partnerId, out var partner) ? partner.ActiveSecrets : [];

        // An unknown partner verifies against no secret: the answer is the same as a wrong signature, so it does not
        // reveal which partner ids exist.
        return PayloadSignature.Verify(signatureHeader, body, secrets, clock.GetCurrentInstant(), Duration.FromTimeSpan(current.SignatureTolerance)) switch
        {
            SignatureCheck.Valid when secrets.Count == 0 => SignatureCheck.Mismatch,
            var check => check,
        };
    }
}
