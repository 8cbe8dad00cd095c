using System.Net;
using Azure;
using Azure.Data.Tables;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>
/// Issued statements. A statement becomes real in one entity-group transaction: its header is inserted (insert-only,
/// so a version is never overwritten) together with the creator's balance row (ETag-guarded), both in the creator's
/// partition. Lines are written before, keyed under the header; without the header they are invisible scaffolding that
/// a retry rewrites identically.
/// </summary>
public sealed class StatementStore(TableServiceClient tables)
{
    private readonly TableClient _statements = tables.GetTableClient(TableNames.Statements);
    private readonly TableClient _byPeriod = tables.GetTableClient(TableNames.StatementsByPeriod);

    public async Task<CreatorBalance> GetBalanceAsync(string creatorId, CancellationToken ct)
    {
        var row = await _statements.GetEntityIfExistsAsync<TableEntity>(creatorId, StatementRows.BalanceRow, cancellationToken: ct);
        if (!row.HasValue)
        {
            return new CreatorBalance(null, null, null);
        }

        var balance = row.Value!;
        return new CreatorBalance(
            new Money(balance.GetInt64("CarriedForwardMinor") ?? 0, Currency.FromCode(balance.GetString("Currency"))),
            PeriodKey.Parse(balance.GetString("LastPeriod")),
            balance.ETag);
    }

    public async Task<TableEntity?> GetHeaderAsync(StatementId id, CancellationToken ct)
    {
        var row = await _statements.GetEntityIfExistsAsync<TableEntity>(id.CreatorId, StatementRows.HeaderKey(id), cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>Writes the statement; false when the header already existed or the balance moved (a concurrent builder won).</summary>
    public async Task<bool> TryWriteAsync(Statement statement, CreatorBalance balance, int recordCount, string blobPrefix, CancellationToken ct)
    {
        var lines = statement.Lines.Select((_, i) => StatementRows.Line(statement, i)).ToList();
        foreach (var chunk in lines.Chunk(InsertOnlyWriter.MaxTransactionSize))
        {
            await _statements.SubmitTransactionAsync(chunk.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, l)), ct);
        }

        var balanceRow = StatementRows.Balance(statement);
        var commit = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, StatementRows.Header(statement, recordCount, blobPrefix)),
            balance.ETag is { } etag
                ? new(TableTransactionActionType.UpdateReplace, balanceRow, etag)
                : new(TableTransactionActionType.Add, balanceRow),
        };
        try
        {
            await _statements.SubmitTransactionAsync(commit, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// After the commit: the per-period index row, and the blocked markers gone. Idempotent, and rerun from the header
    /// by a retry that finds the statement committed but not yet emitted, so a crash here leaves no gap.
    /// </summary>
    public async Task IndexAsync(TableEntity header, CancellationToken ct)
    {
        var creatorId = header.PartitionKey;
        var period = header.GetString("Period");
        await _byPeriod.UpsertEntityAsync(StatementRows.ByPeriod(header), TableUpdateMode.Replace, ct);
        await _statements.DeleteEntityAsync(creatorId, StatementRows.BlockedKey(period), ETag.All, ct);
        await _byPeriod.DeleteEntityAsync(period, StatementRows.ByPeriodBlockedKey(creatorId), ETag.All, ct);
    }

    /// <summary>Records why a statement could not be built; replaced by the next attempt, deleted once it is issued.</summary>
    public async Task WriteBlockedAsync(string creatorId, PeriodKey period, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        var row = new TableEntity(creatorId, StatementRows.BlockedKey(period))
        {
            ["Period"] = period.ToString(),
            ["Reasons"] = string.Join("\n", reasons),
        };
        await _statements.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
        await _byPeriod.UpsertEntityAsync(
            new TableEntity(period.ToString(), StatementRows.ByPeriodBlockedKey(creatorId)) { ["CreatorId"] = creatorId, ["Status"] = nameof(StatementStatus.Blocked), ["Reasons"] = row["Reasons"] },
            TableUpdateMode.Replace,
            ct);
    }

    public async Task MarkEmittedAsync(StatementId id, CancellationToken ct) =>
        await _statements.UpdateEntityAsync(new TableEntity(id.CreatorId, StatementRows.HeaderKey(id)) { ["Emitted"] = true }, ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>Headers of one creator, oldest first (a creator has a dozen a year: the partition stays small).</summary>
    public async Task<IReadOnlyList<TableEntity>> ListHeadersAsync(string creatorId, CancellationToken ct)
    {
        var headers = new List<TableEntity>();
        await foreach (var row in _statements.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creatorId}"), cancellationToken: ct))
        {
            if (row.ContainsKey("StatementId"))
            {
                headers.Add(row);
            }
        }

        return headers;
    }

    /// <summary>The per-period index: every statement (and blocked creator) of a period, for reconciliation.</summary>
    public async Task<IReadOnlyList<TableEntity>> ListByPeriodAsync(PeriodKey period, CancellationToken ct)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _byPeriod.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), cancellationToken: ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
