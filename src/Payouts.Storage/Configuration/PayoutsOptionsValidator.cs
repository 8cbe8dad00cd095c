using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Configuration;

/// <summary>Checks what attributes cannot: a known zone, a usable hashing key, partner ids and secrets.</summary>
public sealed class PayoutsOptionsValidator : IValidateOptions<PayoutsOptions>
{
    public const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, PayoutsOptions options)
    {
        var failures = new List<string>();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.Periods.TimeZone) is null)
        {
            failures.Add($"Payouts:Periods:TimeZone '{options.Periods.TimeZone}' is not an IANA time zone (e.g. Europe/Paris).");
        }

        if (!string.IsNullOrEmpty(options.SenderHashKey) && (!TryBase64(options.SenderHashKey, out var key) || key.Length < 32))
        {
            failures.Add("Payouts:SenderHashKey must be base64 of at least 32 bytes.");
        }

        foreach (var (partnerId, partner) in options.Partners)
        {
            if (!TextRules.IsIdentifier(partnerId))
            {
                failures.Add($"Partner id '{partnerId}' may only contain {TextRules.IdentifierAlphabet}.");
            }

            if (partner.Secrets.Count is 0 or > 2 || partner.Secrets.Any(s => s.Length < MinimumSecretLength))
            {
                failures.Add($"Partner '{partnerId}' needs one or two secrets of at least {MinimumSecretLength} characters.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        var ok = Convert.TryFromBase64String(text, bytes, out var written);
        bytes = bytes[..written];
        return ok;
    }
}
