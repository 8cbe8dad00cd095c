using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Simulation;

/// <summary>
/// The simulation's own account of what Payouts accepted, kept apart from the app: the records by creator and period,
/// and the issued statements it has seen (which must never change afterwards).
/// </summary>
internal sealed class SimulationModel
{
    private readonly Dictionary<string, SimulatedDeal> _accepted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private int _next;

    public IEnumerable<string> Periods => _accepted.Values.Select(d => d.Period).Distinct().Order(StringComparer.Ordinal);

    public SimulatedDeal NewDeal(string creatorId, DateOnly month, Random random)
    {
        // Days 1-14: the simulation sends a month's records on its 15th, and a record from the future is refused.
        var earnedAt = new DateTimeOffset(month.Year, month.Month, 1 + random.Next(0, 14), 10, 0, 0, TimeSpan.Zero);
        var period = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return new SimulatedDeal(creatorId, $"d{_next++}", period, earnedAt, 100 + random.Next(0, 50_000));
    }

    /// <summary>A batch the app answered (or a queue message it took): a resend changes nothing.</summary>
    public void Accept(IEnumerable<SimulatedDeal> deals)
    {
        foreach (var deal in deals)
        {
            _accepted.TryAdd($"{deal.CreatorId}|{deal.RecordId}", deal);
        }
    }

    public List<SimulatedDeal> AcceptedThrough(string creatorId, string period) =>
        [.. _accepted.Values.Where(d => d.CreatorId == creatorId && string.CompareOrdinal(d.Period, period) <= 0)];

    public long StoredIn(string period, IEnumerable<string> creators)
    {
        var set = creators.ToHashSet(StringComparer.Ordinal);
        return _accepted.Values.Count(d => d.Period == period && set.Contains(d.CreatorId));
    }

    /// <summary>Every header seen before is still there, with the same content hash and the same build.</summary>
    public void CheckUnchanged(string creatorId, IReadOnlyList<StatementHeader> headers)
    {
        var now = headers.ToDictionary(h => h.Id.ToString(), h => $"{h.ContentHash}|{h.BuildId}|{h.RecordCount}|{h.Totals.Payable}", StringComparer.Ordinal);
        foreach (var (id, fingerprint) in _issued.Where(i => i.Key.StartsWith(creatorId + "~", StringComparison.Ordinal)))
        {
            Xunit.Assert.True(now.TryGetValue(id, out var current), $"issued statement {id} disappeared");
            Xunit.Assert.Equal(fingerprint, current);
        }

        foreach (var (id, fingerprint) in now)
        {
            _issued[id] = fingerprint;
        }
    }
}
