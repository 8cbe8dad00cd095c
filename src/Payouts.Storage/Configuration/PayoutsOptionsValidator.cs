using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Records.Scope;
using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Configuration;

/// <summary>Checks what attributes cannot: a known zone, usable hashing and encryption keys, the debtor account, partner ids, secrets and scopes.</summary>
public sealed class PayoutsOptionsValidator : IValidateOptions<PayoutsOptions>
{
    public const int MinimumSecretLength = 32;
    public const int PayoutDetailsKeyLength = 32;

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

        if (!string.IsNullOrEmpty(options.PayoutDetailsKey) && !IsPayoutDetailsKey(options.PayoutDetailsKey))
        {
            failures.Add(options.PayoutDetailsKey.StartsWith(PartnerOptions.UnresolvedKeyVaultReference, StringComparison.Ordinal)
                ? "Payouts:PayoutDetailsKey is an unresolved Key Vault reference: check the app's managed identity can read the vault."
                : $"Payouts:PayoutDetailsKey must be base64 of exactly {PayoutDetailsKeyLength} bytes (an AES-256 key).");
        }

        failures.AddRange(options.Debtor.Problems());
        ValidateSecrets("Partner", options.Partners.Select(p => (p.Key, p.Value.ActiveSecrets)), failures);
        ValidateSecrets("Webhook target", options.Webhooks.Select(w => (w.Key, w.Value.ActiveSecrets)), failures);
        foreach (var (id, partner) in options.Partners)
        {
            ValidateScope(id, partner, failures);
        }

        if (options.SenderHashKey.StartsWith(PartnerOptions.UnresolvedKeyVaultReference, StringComparison.Ordinal))
        {
            failures.Add("Payouts:SenderHashKey is an unresolved Key Vault reference: check the app's managed identity can read the vault.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSecrets(string what, IEnumerable<(string Id, IReadOnlyList<string> Active)> owners, List<string> failures)
    {
        foreach (var (id, active) in owners)
        {
            if (!TextRules.IsIdentifier(id))
            {
                failures.Add($"{what} id '{id}' may only contain {TextRules.IdentifierAlphabet}.");
            }

            if (active.Count is 0 or > 2 || active.Any(s => s.Length < MinimumSecretLength))
            {
                failures.Add($"{what} '{id}' needs one or two secrets of at least {MinimumSecretLength} characters (an unresolved Key Vault reference does not count).");
            }
        }
    }

    /// <summary>A scope that names an unknown record type or an id no record could carry is a typo, not a restriction.</summary>
    private static void ValidateScope(string id, PartnerOptions partner, List<string> failures)
    {
        if (!PartnerRecordTypeNames.TryParse(partner.RecordTypes, out _, out var unknown))
        {
            failures.Add($"Payouts:Partners:{id}:RecordTypes names {string.Join(", ", unknown.Select(u => $"'{u}'"))}; the record types are {string.Join(", ", PartnerRecordTypeNames.Known)}.");
        }

        foreach (var (list, ids) in new[] { (nameof(PartnerOptions.Creators), partner.Creators), (nameof(PartnerOptions.Agencies), partner.Agencies) })
        {
            var bad = ids.Where(i => !TextRules.IsIdentifier(i)).ToList();
            if (bad.Count > 0)
            {
                failures.Add($"Payouts:Partners:{id}:{list} has ids that are not 1–{TextRules.MaxIdentifierLength} characters of {TextRules.IdentifierAlphabet}: {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
            }
        }
    }

    public static bool IsPayoutDetailsKey(string text) => TryBase64(text, out var key) && key.Length == PayoutDetailsKeyLength;

    public static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        var ok = Convert.TryFromBase64String(text, bytes, out var written);
        bytes = bytes[..written];
        return ok;
    }
}
