using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Http;

/// <summary>
/// Checks a partner's <c>Payouts-Signature</c> against that partner's active secrets (two during a rotation). Every
/// check tries exactly <see cref="SecretsTried"/> secrets — a partner's own, padded with decoys known to nobody — so a
/// request naming an unknown partner costs the same HMAC work as one naming a known partner with a wrong signature,
/// and neither the answer nor its timing tells which partner ids exist.
/// </summary>
public sealed class PartnerAuthenticator(IOptionsMonitor<PayoutsOptions> options, IClock clock)
{
    /// <summary>The most secrets a partner can have active (old and new during a rotation).</summary>
    public const int SecretsTried = 2;

    private readonly string[] _decoys = [Decoy(), Decoy()];

    public SignatureVerification Verify(string partnerId, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        var current = options.CurrentValue;
        var own = current.Partners.TryGetValue(partnerId, out var partner) ? partner.ActiveSecrets : [];
        var tried = own.Take(SecretsTried).Concat(_decoys).Take(SecretsTried).ToList();
        var result = PayloadSignature.Check(signatureHeader, body, tried, clock.GetCurrentInstant(), Duration.FromTimeSpan(current.SignatureTolerance));

        // A decoy can only match by chance (256 random bits), but it is never a partner's secret.
        return result.Check == SignatureCheck.Valid && result.MatchedSecret >= own.Count
            ? result with { Check = SignatureCheck.Mismatch, MatchedSecret = -1 }
            : result;
    }

    private static string Decoy() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
