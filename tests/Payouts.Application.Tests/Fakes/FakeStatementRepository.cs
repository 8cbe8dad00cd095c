using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Tests.Fakes;

/// <summary>
/// Statements in memory, with the adapter's contract: the commit is all or nothing, refused when the lease is lost,
/// the header exists, or the balance or a settlement entry moved since it was read (versions are counters).
/// </summary>
internal sealed class FakeStatementRepository(FakeSettlements settlements) : IStatementRepository
{
    private readonly object _gate = new();

    public Dictionary<StatementId, StatementHeader> Headers { get; } = [];

    public Dictionary<string, (CreatorBalance Balance, int Version)> Balances { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string CreatorId, PeriodKey Period), IReadOnlyList<BlockReason>> Blocked { get; } = [];

    public HashSet<StatementId> Emitted { get; } = [];

    public HashSet<StatementId> Indexed { get; } = [];

    public List<(StatementId Id, string BuildId, int Lines)> LineWrites { get; } = [];

    /// <summary>The lines of each committed statement, as issued.</summary>
    public Dictionary<StatementId, IReadOnlyList<StatementLine>> Lines { get; } = [];

    public int Commits { get; private set; }

    public Task<StatementHeader?> GetHeaderAsync(StatementId id, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Headers.GetValueOrDefault(id));
        }
    }

    public Task<bool> IsEmittedAsync(StatementId id, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Emitted.Contains(id));
        }
    }

    public Task<CreatorBalance> GetBalanceAsync(string creatorId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Balances.TryGetValue(creatorId, out var b) ? b.Balance with { Version = b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) } : new CreatorBalance(null, null, null));
        }
    }

    public Task WriteLinesAsync(Statement statement, string buildId, CancellationToken ct)
    {
        lock (_gate)
        {
            LineWrites.Add((statement.Id, buildId, statement.Lines.Count));
        }

        return Task.CompletedTask;
    }

    public Task<StatementCommit> TryCommitAsync(ICreatorLease lease, Statement statement, CreatorBalance balance, StatementInputSet inputs, string buildId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (lease.IsLost)
            {
                return Task.FromResult(StatementCommit.Lost);
            }

            var current = Balances.TryGetValue(statement.CreatorId, out var b) ? b.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (Headers.ContainsKey(statement.Id) || current != balance.Version || !settlements.TryAdvance(inputs.Partitions))
            {
                return Task.FromResult(StatementCommit.Conflict);
            }

            var totals = statement.Totals!;
            Headers[statement.Id] = new StatementHeader(
                statement.Id, statement.Status, statement.Currency!, statement.AgencyId, statement.ContractVersion, statement.Zone, statement.ContentHash, statement.IssuedAt,
                new StatementHeaderTotals(totals.Gifts.MinorUnits, totals.Deals.MinorUnits, totals.Bonuses.MinorUnits, totals.AgencyCommission.MinorUnits, totals.Withholding.MinorUnits, totals.Net.MinorUnits, totals.BroughtForward.MinorUnits, totals.Payable.MinorUnits, totals.CarriedForward.MinorUnits),
                statement.Lines.Count, inputs.Count, buildId, $"{statement.Id}/{buildId}", [.. inputs.Partitions.Select(p => p.Range.ToString())]);
            Lines[statement.Id] = statement.Lines;
            Balances[statement.CreatorId] = (new CreatorBalance(totals.CarriedForward, statement.Period, null), (b.Version) + 1);
            Commits++;
            return Task.FromResult(new StatementCommit(Headers[statement.Id], false));
        }
    }

    public Task<StatementCommit> TryCommitReissueAsync(ICreatorLease lease, Statement statement, CreatorBalance balance, StatementHeader replaced, StatementInputSet inputs, string buildId, string reissuedBy, CancellationToken ct) =>
        throw new NotSupportedException("Reissue is tested against Azurite (tests/Payouts.Functions.Tests/Statements/ReissueTests).");

    /// <summary>Reissuing marks by creator and period (none unless a test sets one: reissues run on Azurite).</summary>
    public Dictionary<(string CreatorId, PeriodKey Period), StatementId> Reissuing { get; } = [];

    public Task<string> MarkReissuingAsync(StatementId next, CancellationToken ct)
    {
        lock (_gate)
        {
            Reissuing[(next.CreatorId, next.Period)] = next;
            return Task.FromResult(next.ToString());
        }
    }

    public Task ClearReissuingAsync(StatementId next, string? version, CancellationToken ct)
    {
        lock (_gate)
        {
            if (Reissuing.TryGetValue((next.CreatorId, next.Period), out var marked) && marked == next && (version is null || marked.ToString() == version))
            {
                Reissuing.Remove((next.CreatorId, next.Period));
            }

            return Task.CompletedTask;
        }
    }

    public Task<StatementId?> GetReissuingAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Reissuing.TryGetValue((creatorId, period), out var next) ? next : (StatementId?)null);
        }
    }

    public Task<IReadOnlyList<StatementId>> ListReissuingAsync(PeriodKey period, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StatementId>>([.. Reissuing.Where(r => r.Key.Period == period).Select(r => r.Value)]);
        }
    }

    public Task<IReadOnlyList<StatementLine>> GetLinesAsync(StatementHeader header, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Lines[header.Id]);
        }
    }

    public Task<bool> WriteBlockedAsync(ICreatorLease lease, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct)
    {
        lock (_gate)
        {
            if (lease.IsLost)
            {
                return Task.FromResult(false);
            }

            Blocked[(lease.CreatorId, period)] = reasons;
            return Task.FromResult(true);
        }
    }

    public Task IndexAsync(StatementHeader header, CancellationToken ct)
    {
        lock (_gate)
        {
            Indexed.Add(header.Id);
            Blocked.Remove((header.CreatorId, header.Period));
        }

        return Task.CompletedTask;
    }

    public Task MarkEmittedAsync(StatementId id, Instant at, CancellationToken ct)
    {
        lock (_gate)
        {
            Emitted.Add(id);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StatementHeader>> ListHeadersAsync(string creatorId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StatementHeader>>([.. Headers.Values.Where(h => h.CreatorId == creatorId).OrderBy(h => h.Period)]);
        }
    }

    public Task<IReadOnlyList<StatementIndexEntry>> ListByPeriodAsync(PeriodKey period, CancellationToken ct)
    {
        lock (_gate)
        {
            var issued = Headers.Values.Where(h => h.Period == period)
                .Select(h => new StatementIndexEntry(period, h.CreatorId, h.Status.ToString(), h.Id.ToString(), h.Currency.Code, h.Totals.Net, h.Totals.Payable, h.Totals.CarriedForward, h.RecordCount, [])
                {
                    AgencyId = h.AgencyId,
                    ContentHash = h.ContentHash,
                });
            var blocked = Blocked.Where(b => b.Key.Period == period && !Headers.ContainsKey(new StatementId(b.Key.CreatorId, period, 1)))
                .Select(b => new StatementIndexEntry(period, b.Key.CreatorId, "Blocked", null, null, 0, 0, 0, 0, b.Value));
            return Task.FromResult<IReadOnlyList<StatementIndexEntry>>([.. issued, .. blocked]);
        }
    }
}
