using System.Text.Json.Nodes;
using NodaTime;

namespace Payouts.DevHost.Demo;

/// <summary>One partner record the demo sends, with how it travels and what it should count for.</summary>
public sealed record DemoRecord
{
    public required string CreatorId { get; init; }

    public required JsonObject Json { get; init; }

    /// <summary>When it happened (occurredAt / earnedAt): it is sent after that, when the clock has passed it.</summary>
    public required Instant At { get; init; }

    public required bool IsDeal { get; init; }

    /// <summary>Coins it adds (negative for a refund); 0 for deals.</summary>
    public long Coins { get; init; }

    /// <summary>Deals: "deals" or "bonuses" (eventBonus).</summary>
    public string? Revenue { get; init; }

    /// <summary>Deals: the amount and its unit (ISO currency or DIAMOND).</summary>
    public decimal Amount { get; init; }

    public string? Unit { get; init; }

    /// <summary>Deals: a deal-specific agency commission rate.</summary>
    public decimal? CommissionOverride { get; init; }

    /// <summary>Sent through a queue instead of the HTTP API.</summary>
    public bool ViaQueue { get; init; }

    /// <summary>Deliberately invalid: the API must reject it and it must count for nothing.</summary>
    public bool Invalid { get; init; }

    public string RecordId => (string)Json["recordId"]!;
}
