using System.Globalization;
using System.Text.Json.Nodes;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Simulation;

/// <summary>A deal the simulation sent: what the model knows of it, and its wire form.</summary>
internal sealed record SimulatedDeal(string CreatorId, string RecordId, string Period, DateTimeOffset EarnedAt, long AmountMinor)
{
    public JsonObject ToJson() => Payloads.Deal(RecordId, CreatorId, (AmountMinor / 100m).ToString("F2", CultureInfo.InvariantCulture))
        .With("earnedAt", EarnedAt.ToString("O", CultureInfo.InvariantCulture));
}
