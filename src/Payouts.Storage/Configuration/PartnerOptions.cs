using Payouts.Domain.Records.Scope;

namespace Payouts.Storage.Configuration;

/// <summary>
/// One partner, section <c>Payouts:Partners:{partnerId}</c>: its HMAC secrets and its scope. Every scope setting
/// defaults to "allowed", so a partner configured with secrets only may send everything, as before scopes existed.
/// </summary>
public sealed class PartnerOptions
{
    /// <summary>What App Service leaves in a setting whose Key Vault reference it could not resolve.</summary>
    public const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>Configured secret slots; an empty slot (the second, outside a rotation) is allowed.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// The secrets in use: empty slots and unresolved Key Vault references are dropped, so a reference that failed to
    /// resolve can never become a secret anyone who knows its text could sign with.
    /// </summary>
    public IReadOnlyList<string> ActiveSecrets => SecretSlots.Active(Secrets);

    /// <summary>Record types the partner may send: "gifts", "deals", "bonuses" (eventBonus deals). None listed: all.</summary>
    public List<string> RecordTypes { get; set; } = [];

    /// <summary>Whether a deal from this partner may carry its own <c>agencyCommissionRate</c> (overriding the contract's).</summary>
    public bool AllowAgencyCommissionRate { get; set; } = true;

    /// <summary>Creator ids the partner reports for. None listed (and no <see cref="Agencies"/>): every creator.</summary>
    public List<string> Creators { get; set; } = [];

    /// <summary>Agency ids whose creators (by their contract) the partner reports for, besides <see cref="Creators"/>.</summary>
    public List<string> Agencies { get; set; } = [];

    /// <summary>This partner's own HTTP ingest rate limit; none: <see cref="PayoutsOptions.IngestRateLimit"/>.</summary>
    public IngestRateLimitOptions? RateLimit { get; set; }

    /// <summary>The scope these settings describe; settings that do not parse (the validator refuses them at start) allow nothing more than they name.</summary>
    public PartnerScope ToScope()
    {
        _ = PartnerRecordTypeNames.TryParse(RecordTypes, out var types, out _);
        return new PartnerScope(
            types,
            AllowAgencyCommissionRate,
            Creators.Count == 0 ? null : Creators,
            Agencies.Count == 0 ? null : Agencies);
    }
}
