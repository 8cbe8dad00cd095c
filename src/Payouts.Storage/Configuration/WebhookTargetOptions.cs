namespace Payouts.Storage.Configuration;

/// <summary>The HMAC secrets one webhook target (an agency) is signed for, section <c>Payouts:Webhooks:{agencyId}</c>.</summary>
public sealed class WebhookTargetOptions
{
    /// <summary>Configured secret slots; an empty slot (the second, outside a rotation) is allowed.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <inheritdoc cref="PartnerOptions.ActiveSecrets"/>
    public IReadOnlyList<string> ActiveSecrets => SecretSlots.Active(Secrets);
}
