namespace Payouts.Storage.Configuration;

public sealed class PartnerOptions
{
    /// <summary>Active HMAC secrets; any of them verifies. Two during a rotation, one otherwise.</summary>
    public List<string> Secrets { get; set; } = [];
}
