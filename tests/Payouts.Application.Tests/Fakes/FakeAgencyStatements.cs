using NodaTime;
using Payouts.Application.Agencies;
using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Application.Tests.Fakes;

/// <summary>
/// Agency statements in memory, with the adapter's contract: a version's header and the superseded marker of the one
/// it replaces are inserted together or not at all; nothing stored is ever changed.
/// </summary>
internal sealed class FakeAgencyStatements : IAgencyStatementRepository
{
    private readonly object _gate = new();

    public Dictionary<AgencyStatementId, AgencyStatement> Committed { get; } = [];

    public HashSet<AgencyStatementId> Superseded { get; } = [];

    public HashSet<AgencyStatementId> Emitted { get; } = [];

    public Dictionary<(string AgencyId, PeriodKey Period), IReadOnlyList<BlockReason>> Blocked { get; } = [];

    /// <summary>Runs just before a commit is tried (a test lets another issuer commit first here).</summary>
    public Func<AgencyStatement, Task>? BeforeCommit { get; set; }

    public Task<AgencyStatementHeader?> GetAsync(AgencyStatementId id, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Committed.TryGetValue(id, out var s) ? HeaderOf(s) : null);
        }
    }

    public Task<AgencyStatementHeader?> GetLatestAsync(string agencyId, PeriodKey period, CancellationToken ct)
    {
        lock (_gate)
        {
            var latest = Committed.Values.Where(s => s.AgencyId == agencyId && s.Period == period).MaxBy(s => s.Version);
            return Task.FromResult(latest is null ? null : HeaderOf(latest));
        }
    }

    public Task<IReadOnlyList<AgencyStatementHeader>> ListAsync(string agencyId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AgencyStatementHeader>>([.. Committed.Values.Where(s => s.AgencyId == agencyId).OrderBy(s => s.Period).ThenBy(s => s.Version).Select(HeaderOf)]);
        }
    }

    public async Task<bool> TryCommitAsync(AgencyStatement statement, string buildId, AgencyStatementHeader? replaced, CancellationToken ct)
    {
        if (BeforeCommit is { } hook)
        {
            await hook(statement);
        }

        lock (_gate)
        {
            if (Committed.ContainsKey(statement.Id) || (replaced is not null && Superseded.Contains(replaced.Id)))
            {
                return false;
            }

            Committed[statement.Id] = statement;
            if (replaced is not null)
            {
                Superseded.Add(replaced.Id);
            }

            Blocked.Remove((statement.AgencyId, statement.Period));
            return true;
        }
    }

    public Task WriteBlockedAsync(string agencyId, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct)
    {
        lock (_gate)
        {
            Blocked[(agencyId, period)] = reasons;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BlockedAgencyStatement>> ListBlockedAsync(string agencyId, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<BlockedAgencyStatement>>([.. Blocked.Where(b => b.Key.AgencyId == agencyId).Select(b => new BlockedAgencyStatement(b.Key.Period, b.Value))]);
        }
    }

    public Task<bool> IsEmittedAsync(AgencyStatementId id, CancellationToken ct)
    {
        lock (_gate)
        {
            return Task.FromResult(Emitted.Contains(id));
        }
    }

    public Task MarkEmittedAsync(AgencyStatementId id, Instant at, CancellationToken ct)
    {
        lock (_gate)
        {
            Emitted.Add(id);
        }

        return Task.CompletedTask;
    }

    private AgencyStatementHeader HeaderOf(AgencyStatement s) =>
        new(s.Id, s.Zone, s.ContentHash, s.IssuedAt, s.Totals, s.Creators.Count, s.Unpaid.Count(), s.Sources, "b", $"agencies/{s.Id}")
        {
            Supersedes = s.Supersedes,
            IsSuperseded = Superseded.Contains(s.Id),
        };
}
