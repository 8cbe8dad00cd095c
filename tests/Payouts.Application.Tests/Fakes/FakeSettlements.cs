using Payouts.Application.Settlement;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;

namespace Payouts.Application.Tests.Fakes;

/// <summary>
/// Record partitions and their settlement entries in memory, and the inputs port over them: a statement gets every
/// deal of partitions up to its period that arrived after the partition's settled point.
/// </summary>
internal sealed class FakeSettlements(PeriodCalendar calendar) : IStatementInputs
{
    private readonly object _gate = new();
    private readonly Dictionary<(string CreatorId, PeriodKey Period), List<DealRecord>> _deals = [];
    private readonly Dictionary<(string CreatorId, PeriodKey Period), (long Settled, int Version)> _entries = [];

    public void Add(DealRecord deal)
    {
        lock (_gate)
        {
            var key = (deal.CreatorId, calendar.PeriodOf(deal.EarnedAt));
            if (!_deals.TryGetValue(key, out var list))
            {
                _deals[key] = list = [];
                _entries[key] = (0, 0);
            }

            list.Add(deal);
        }
    }

    public long Settled(string creatorId, PeriodKey period)
    {
        lock (_gate)
        {
            return _entries.GetValueOrDefault((creatorId, period)).Settled;
        }
    }

    public Task<StatementInputSet> ReadAsync(string creatorId, PeriodKey period, PeriodKey? lastPeriod, CancellationToken ct)
    {
        lock (_gate)
        {
            var partitions = new List<PendingRecords>();
            var deals = new List<DealRecord>();
            foreach (var ((creator, recordPeriod), list) in _deals.Where(d => d.Key.CreatorId == creatorId && d.Key.Period <= period).OrderBy(d => d.Key.Period))
            {
                var (settled, version) = _entries[(creator, recordPeriod)];
                if (list.Count > settled)
                {
                    partitions.Add(new PendingRecords(new SettlementEntry(creator, RecordKind.Deal, recordPeriod, settled, version.ToString(System.Globalization.CultureInfo.InvariantCulture)), list.Count));
                    deals.AddRange(list.Skip((int)settled));
                }
            }

            return Task.FromResult(new StatementInputSet(partitions, [], [], deals));
        }
    }

    public Task<StatementInputSet> ReadSettledAsync(StatementHeader header, CancellationToken ct) =>
        throw new NotSupportedException("Reissue is tested against Azurite (tests/Payouts.Functions.Tests/Statements/ReissueTests).");

    public Task<List<GiftEntry>> GiftEntriesAsync(StatementInputSet inputs, CancellationToken ct) => Task.FromResult(new List<GiftEntry>());

    public List<DealEntry> DealEntries(StatementInputSet inputs) => [.. inputs.Deals.Select(d => DealEntry.From(d, calendar))];

    /// <summary>The commit's settlement step: all entries advance, or none when one moved since it was read.</summary>
    public bool TryAdvance(IReadOnlyList<PendingRecords> partitions)
    {
        lock (_gate)
        {
            foreach (var p in partitions)
            {
                if (_entries[(p.Entry.CreatorId, p.Entry.RecordPeriod)].Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != p.Entry.Version)
                {
                    return false;
                }
            }

            foreach (var p in partitions)
            {
                var key = (p.Entry.CreatorId, p.Entry.RecordPeriod);
                _entries[key] = (p.UpTo, _entries[key].Version + 1);
            }

            return true;
        }
    }
}
