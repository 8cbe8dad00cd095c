namespace Payouts.Storage.Configuration;

/// <summary>The two HMAC secret slots partners and webhook targets share (old and new during a rotation).</summary>
internal static class SecretSlots
{
    /// <summary>
    /// The secrets in use: empty slots and unresolved Key Vault references are dropped, so a reference that failed to
    /// resolve can never become a secret anyone who knows its text could sign with.
    /// </summary>
    public static IReadOnlyList<string> Active(IEnumerable<string> secrets) =>
        secrets.Where(s => !string.IsNullOrWhiteSpace(s) && !s.StartsWith(PartnerOptions.UnresolvedKeyVaultReference, StringComparison.Ordinal)).ToList();
}
