using System.Globalization;

namespace Payouts.Application.Outbox;

/// <summary>Why an attempt did not deliver, in words an on-call engineer can act on; never a receiver's or the runtime's own text.</summary>
public enum DeliveryErrorCategory
{
    /// <summary>No signing secret, or the agency has no webhook URL (any more).</summary>
    NotConfigured,

    /// <summary>The URL or the address it resolved to is not allowed (http, loopback, private, metadata…).</summary>
    TargetRefused,

    /// <summary>The target answered 3xx; redirects are never followed, so a signed body goes only where it was meant to.</summary>
    Redirect,

    /// <summary>The target answered 4xx or 5xx.</summary>
    HttpStatus,

    Timeout,

    /// <summary>DNS, connection or TLS failed.</summary>
    Network,

    /// <summary>Too many recent failures to this target: not tried.</summary>
    CircuitOpen,

    /// <summary>The storage queue refused the message.</summary>
    QueueRejected,
}

/// <summary>A failed attempt: its category and the status code the target or storage answered (0 when none).</summary>
public sealed record DeliveryFailure(DeliveryErrorCategory Category, int Status)
{
    /// <summary>The category as the outbox API and the stored row spell it, e.g. <c>http-status</c>.</summary>
    public string Code => Category switch
    {
        DeliveryErrorCategory.NotConfigured => "not-configured",
        DeliveryErrorCategory.TargetRefused => "target-refused",
        DeliveryErrorCategory.Redirect => "redirect",
        DeliveryErrorCategory.HttpStatus => "http-status",
        DeliveryErrorCategory.Timeout => "timeout",
        DeliveryErrorCategory.Network => "network",
        DeliveryErrorCategory.CircuitOpen => "circuit-open",
        _ => "queue-rejected",
    };

    /// <summary>A fixed sentence per category and status.</summary>
    public string Describe() => Category switch
    {
        DeliveryErrorCategory.NotConfigured => "no webhook secret or URL is configured for this agency",
        DeliveryErrorCategory.TargetRefused => "the webhook URL or the address it resolves to is not allowed (https and public addresses only)",
        DeliveryErrorCategory.Redirect => Invariant($"the target answered HTTP {Status} (a redirect, not followed)"),
        DeliveryErrorCategory.HttpStatus => Invariant($"the target answered HTTP {Status}"),
        DeliveryErrorCategory.Timeout => "the target did not answer in time",
        DeliveryErrorCategory.Network => "the target could not be reached (DNS, connection or TLS)",
        DeliveryErrorCategory.CircuitOpen => "not tried: too many recent failures to this target",
        _ => Invariant($"the queue refused the message (HTTP {Status})"),
    };

    public static DeliveryFailure? FromCode(string? code, int status) =>
        Enum.GetValues<DeliveryErrorCategory>().Select(c => new DeliveryFailure(c, status)).FirstOrDefault(f => f.Code == code);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
