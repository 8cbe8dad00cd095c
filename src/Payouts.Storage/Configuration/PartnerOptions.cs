namespace Payouts.Storage.Configuration;

/// <summary>The HMAC secrets of one partner (inbound) or one webhook target (outbound).</summary>
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
    public IReadOnlyList<string> ActiveSecrets =>
        Secrets.Where(s => !string.IsNullOrWhiteSpace(s) && !s.StartsWith(UnresolvedKeyVaultReference, StringComparison.Ordinal)).ToList();
}
