namespace Payouts.Storage.Configuration;

/// <summary>
/// Section <c>Payouts:WebhookEgress</c>. Both default to off: webhooks go to <c>https</c> URLs whose addresses are
/// public. A local run (the DevHost's demo, a receiver on loopback) turns them on; outside Development the app refuses
/// to start with either on.
/// </summary>
public sealed class WebhookEgressOptions
{
    /// <summary>Allow <c>http</c> webhook URLs.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Allow loopback, private, link-local and unique-local targets.</summary>
    public bool AllowPrivateAddresses { get; set; }
}
