using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Storage.Settlement;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>
/// Issued statements. A statement becomes real in one entity-group transaction in the creator's partition: the
/// builder's lease (its fence), the header (insert-only, so a version is never overwritten), the balance row
/// (ETag-guarded) and the settlement entries it advances (ETag-guarded). Its lines are written before, insert-only,
/// under the build attempt's own keys; only the attempt the header names is the statement's.
/// </summary>
public sealed class StatementStore(CreatorTables tables, TableServiceClient service) : IStatementRepository
{
    private readonly TableClient _byPeriod = service.GetTableClient(TableNames.StatementsByPeriod);

    public async Task<CreatorBalance> GetBalanceAsync(string creatorId, CancellationToken ct)
    {
        var row = await tables.Statements(creatorId).GetEntityIfExistsAsync<TableEntity>(creatorId, StatementRows.BalanceRow, cancellationToken: ct);
        return row.HasValue ? StatementRows.ToBalance(row.Value!) : new CreatorBalance(null, null, null);
    }

    public async Task<StatementHeader?> GetHeaderAsync(StatementId id, CancellationToken ct)
    {
        var row = await tables.Statements(id.CreatorId).GetEntityIfExistsAsync<TableEntity>(id.CreatorId, StatementRows.HeaderKey(id), cancellationToken: ct);
        return row.HasValue ? StatementRows.ToHeader(row.Value!) : null;
    }

    public async Task<bool> IsEmittedAsync(StatementId id, CancellationToken ct) =>
        (await tables.Statements(id.CreatorId).GetEntityIfExistsAsync<TableEntity>(id.CreatorId, StatementRows.EmittedKey(id), ["EmittedAt"], ct)).HasValue;

    /// <summary>The lines of one build attempt, insert-only: nothing references them until the header names the attempt.</summary>
    public async Task WriteLinesAsync(Statement statement, string buildId, CancellationToken ct)
    {
        var lines = statement.Lines.Select((_, i) => StatementRows.Line(statement, buildId, i)).ToList();
        var table = tables.Statements(statement.CreatorId);
        await Parallel.ForEachAsync(lines.Chunk(InsertOnlyWriter.MaxTransactionSize), ct, async (chunk, token) =>
            await table.SubmitTransactionAsync(chunk.Select(l => new TableTransactionAction(TableTransactionActionType.Add, l)), token));
    }

    /// <summary>The commit, fenced by the lease. Not committed: the lease was lost, or a concurrent commit moved the balance or a settlement entry.</summary>
    public async Task<StatementCommit> TryCommitAsync(
        ICreatorLease lease, Statement statement, CreatorBalance balance, StatementInputSet inputs, string buildId, CancellationToken ct)
    {
        var balanceRow = StatementRows.Balance(statement);
        var header = StatementRows.Header(statement, inputs.Count, buildId, StatementDocuments.Prefix(statement.Id, buildId), inputs.Partitions.Select(p => p.Range.ToString()));
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, header),
            balance.Version is { } version
                ? new(TableTransactionActionType.UpdateReplace, balanceRow, new ETag(version))
                : new(TableTransactionActionType.Add, balanceRow),
        };
        actions.AddRange(inputs.Partitions.Select(SettlementLedger.Advance));
        return await SubmitAsync(lease, header, actions, ct);
    }

    public async Task<StatementCommit> TryCommitReissueAsync(
        ICreatorLease lease, Statement statement, CreatorBalance balance, StatementHeader replaced, StatementInputSet inputs, string buildId, string reissuedBy, CancellationToken ct)
    {
        var header = StatementRows.WithReissue(
            StatementRows.Header(statement, inputs.Count, buildId, StatementDocuments.Prefix(statement.Id, buildId), replaced.Settled),
            reissuedBy,
            statement.IssuedAt ?? throw new ArgumentException("A reissued statement has its issue time.", nameof(statement)));
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, header),
            new(TableTransactionActionType.UpdateReplace, StatementRows.Balance(statement), new ETag(balance.Version!)),
            new(TableTransactionActionType.Add, StatementRows.Superseded(replaced.Id, statement.Id, statement.IssuedAt ?? default)),
        };
        return await SubmitAsync(lease, header, actions, ct);
    }

    /// <summary>The fenced commit; once it holds, the header row it inserted is the issued header (never updated after).</summary>
    private static async Task<StatementCommit> SubmitAsync(ICreatorLease lease, TableEntity header, IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        var (committed, leaseLost) = await CreatorLease.Of(lease).SubmitFencedAsync(actions, ct);
        return committed ? new StatementCommit(StatementRows.ToHeader(header), false) : leaseLost ? StatementCommit.Lost : StatementCommit.Conflict;
    }

    public async Task<IReadOnlyList<StatementLine>> GetLinesAsync(StatementHeader header, CancellationToken ct)
    {
        var prefix = StatementRows.LineKey(header.Id, header.BuildId, 0)[..^"0000".Length];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {header.CreatorId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var lines = new List<StatementLine>();
        await foreach (var row in tables.Statements(header.CreatorId).QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            lines.Add(StatementRows.ToLine(row, header.Currency));
        }

        return lines;
    }

    /// <summary>Records why the statement could not be built, fenced by the lease; replaced by the next attempt, deleted once it is issued.</summary>
    public async Task<bool> WriteBlockedAsync(ICreatorLease lease, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct)
    {
        var (committed, _) = await CreatorLease.Of(lease).SubmitFencedAsync(
            [new TableTransactionAction(TableTransactionActionType.UpsertReplace, StatementRows.Blocked(lease.CreatorId, period, reasons))], ct);
        if (committed)
        {
            await _byPeriod.UpsertEntityAsync(StatementRows.ByPeriodBlocked(lease.CreatorId, period, reasons), TableUpdateMode.Replace, ct);
        }

        return committed;
    }

    /// <summary>After the commit: the per-period index row, the blocked markers gone. Idempotent (rerun by any retry).</summary>
    public async Task IndexAsync(StatementHeader header, CancellationToken ct)
    {
        await _byPeriod.UpsertEntityAsync(StatementRows.ByPeriod(header), TableUpdateMode.Replace, ct);
        if (header.Supersedes is { } replaced)
        {
            var row = StatementRows.ByPeriod(header with { Id = header.Id with { Version = replaced } });
            await _byPeriod.UpsertEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Status"] = nameof(StatementStatus.Superseded) }, TableUpdateMode.Merge, ct);
        }

        await tables.Statements(header.CreatorId).DeleteEntityAsync(header.CreatorId, StatementRows.BlockedKey(header.Period), ETag.All, ct);
        await _byPeriod.DeleteEntityAsync(header.Period.ToString(), StatementRows.ByPeriodBlockedKey(header.CreatorId), ETag.All, ct);
    }

    /// <summary>Before a reissue's commit, in the period's index partition (so a close of the period finds it): replaces any earlier mark of the creator.</summary>
    public async Task<string> MarkReissuingAsync(StatementId next, CancellationToken ct) =>
        (await _byPeriod.UpsertEntityAsync(StatementRows.Reissuing(next), TableUpdateMode.Replace, ct)).Headers.ETag?.ToString() ?? string.Empty;

    public async Task ClearReissuingAsync(StatementId next, string? version, CancellationToken ct)
    {
        var (period, key) = (next.Period.ToString(), StatementRows.ReissuingKey(next.CreatorId));
        if (version is not { Length: > 0 })
        {
            // A mark naming a later version (its emit unfinished) is that version's to clear, not this one's.
            var row = await _byPeriod.GetEntityIfExistsAsync<TableEntity>(period, key, cancellationToken: ct);
            if (!row.HasValue || StatementRows.ToReissuing(row.Value!) != next)
            {
                return;
            }

            version = row.Value!.ETag.ToString();
        }

        try
        {
            await _byPeriod.DeleteEntityAsync(period, key, new ETag(version), ct);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            // Replaced by a later reissue's mark since: not ours to clear.
        }
    }

    public async Task<StatementId?> GetReissuingAsync(string creatorId, PeriodKey period, CancellationToken ct)
    {
        var row = await _byPeriod.GetEntityIfExistsAsync<TableEntity>(period.ToString(), StatementRows.ReissuingKey(creatorId), cancellationToken: ct);
        return row.HasValue ? StatementRows.ToReissuing(row.Value!) : null;
    }

    public async Task<IReadOnlyList<StatementId>> ListReissuingAsync(PeriodKey period, CancellationToken ct)
    {
        var marks = new List<StatementId>();
        await foreach (var row in _byPeriod.QueryAsync<TableEntity>(StatementRows.ReissuingFilter(period), cancellationToken: ct))
        {
            if (StatementRows.ToReissuing(row) is { } next)
            {
                marks.Add(next);
            }
        }

        return marks;
    }

    /// <summary>The last emit step: a marker beside the header (the header itself is never updated).</summary>
    public async Task MarkEmittedAsync(StatementId id, Instant at, CancellationToken ct) =>
        await tables.Statements(id.CreatorId).UpsertEntityAsync(StatementRows.Emitted(id, at), TableUpdateMode.Replace, ct);

    /// <summary>The creator's blocked statements (their markers) with the reasons, oldest first.</summary>
    public async Task<IReadOnlyList<(PeriodKey Period, IReadOnlyList<BlockReason> Reasons)>> ListBlockedAsync(string creatorId, CancellationToken ct)
    {
        var blocked = new List<(PeriodKey, IReadOnlyList<BlockReason>)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creatorId} and RowKey lt {"src|"}");
        await foreach (var row in tables.Statements(creatorId).QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (StatementRows.ToBlocked(row) is { } entry)
            {
                blocked.Add(entry);
            }
        }

        return [.. blocked.OrderBy(b => b.Item1)];
    }

    /// <summary>Headers of one creator, oldest first (a creator has a dozen a year: the partition stays small).</summary>
    public async Task<IReadOnlyList<StatementHeader>> ListHeadersAsync(string creatorId, CancellationToken ct)
    {
        var headers = new List<StatementHeader>();
        var superseded = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creatorId} and RowKey lt {"src|"}");
        await foreach (var row in tables.Statements(creatorId).QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (StatementRows.IsHeader(row))
            {
                headers.Add(StatementRows.ToHeader(row));
            }
            else if (StatementRows.SupersededHeaderKey(row.RowKey) is { } supersededKey)
            {
                superseded.Add(supersededKey);
            }
        }

        return [.. headers.Select(h => superseded.Contains(StatementRows.HeaderKey(h.Id)) ? h with { IsSuperseded = true } : h)];
    }

    /// <summary>
    /// A page of a creator's statement list, oldest period first: issued headers (superseded ones marked) and blocked
    /// periods, at most <paramref name="pageSize"/> of them after the row <paramref name="afterRowKey"/>. Line, marker
    /// and bookkeeping rows are filtered out by the service; a header's superseded marker sorts right after it, so
    /// reading one item past the page settles the last header's status too.
    /// </summary>
    public async Task<ListedPage<CreatorStatementEntry>> ListPageAsync(string creatorId, string? afterRowKey, int pageSize, CancellationToken ct)
    {
        var filter = StatementRows.ListedFilter(creatorId, afterRowKey);
        var entries = new List<(string RowKey, CreatorStatementEntry Entry)>();
        await foreach (var row in tables.Statements(creatorId).QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, cancellationToken: ct))
        {
            if (StatementRows.IsHeader(row))
            {
                entries.Add((row.RowKey, new CreatorStatementEntry(StatementRows.ToHeader(row), null)));
            }
            else if (StatementRows.ToBlocked(row) is { } blocked)
            {
                entries.Add((row.RowKey, new CreatorStatementEntry(null, blocked)));
            }
            else if (StatementRows.SupersededHeaderKey(row.RowKey) is { } supersededKey && entries.Count > 0 && entries[^1].RowKey == supersededKey)
            {
                var last = entries[^1];
                entries[^1] = (last.RowKey, new CreatorStatementEntry(last.Entry.Header! with { IsSuperseded = true }, null));
            }

            if (entries.Count > pageSize)
            {
                break;
            }
        }

        return ListedPage<CreatorStatementEntry>.FromOneMore(entries, pageSize, e => e.RowKey, e => e.Entry);
    }

    /// <summary>Whether <paramref name="key"/> can be the row key of a listed entry (a page token carries one).</summary>
    public static bool IsListedRowKey(string key) => StatementRows.IsListedKey(key);

    /// <summary>
    /// The per-period index: every issued statement and every blocked creator of a period. A creator with an issued
    /// statement is never also listed as blocked (a stale marker loses to the header).
    /// </summary>
    public async Task<IReadOnlyList<StatementIndexEntry>> ListByPeriodAsync(PeriodKey period, CancellationToken ct)
    {
        var rows = new List<StatementIndexEntry>();
        await foreach (var row in _byPeriod.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: ct))
        {
            if (!StatementRows.IsReissuing(row))
            {
                rows.Add(StatementRows.ToIndexEntry(row));
            }
        }

        var issued = rows.Where(r => r.IsIssued).Select(r => r.CreatorId).ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => r.IsIssued || !issued.Contains(r.CreatorId)).ToList();
    }
}
