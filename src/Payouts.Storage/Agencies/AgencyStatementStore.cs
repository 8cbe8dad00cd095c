using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Agencies;
using Payouts.Domain.Agencies;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Agencies;

/// <summary>
/// Agency statements in the Statements table, one partition per agency (a dozen periods a year, a few versions each).
/// A version becomes real in one insert-only entity-group transaction: its header and, for a later version, the
/// superseded marker of the version it replaces. Two issuers that build the same next version cannot both commit;
/// neither ever changes a header.
/// </summary>
public sealed class AgencyStatementStore(TableServiceClient service) : IAgencyStatementRepository
{
    private readonly TableClient _table = service.GetTableClient(TableNames.Statements);

    public async Task<AgencyStatementHeader?> GetAsync(AgencyStatementId id, CancellationToken ct)
    {
        var partition = AgencyStatementRows.PartitionOf(id.AgencyId);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(partition, AgencyStatementRows.HeaderKey(id), cancellationToken: ct);
        if (!row.HasValue)
        {
            return null;
        }

        var superseded = await _table.GetEntityIfExistsAsync<TableEntity>(partition, AgencyStatementRows.SupersededKey(id), ["SupersededBy"], ct);
        return AgencyStatementRows.ToHeader(row.Value!, superseded.HasValue);
    }

    public async Task<AgencyStatementHeader?> GetLatestAsync(string agencyId, PeriodKey period, CancellationToken ct)
    {
        var (from, until) = AgencyStatementRows.VersionsOf(period);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AgencyStatementRows.PartitionOf(agencyId)} and RowKey ge {from} and RowKey lt {until}");
        return (await ReadAsync(filter, ct)).Headers.MaxBy(h => h.Id.Version);
    }

    public async Task<IReadOnlyList<AgencyStatementHeader>> ListAsync(string agencyId, CancellationToken ct)
    {
        var headers = (await ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {AgencyStatementRows.PartitionOf(agencyId)}"), ct)).Headers;
        return [.. headers.OrderBy(h => h.Period).ThenBy(h => h.Id.Version)];
    }

    public async Task<bool> TryCommitAsync(AgencyStatement statement, string buildId, AgencyStatementHeader? replaced, CancellationToken ct)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, AgencyStatementRows.Header(statement, buildId, AgencyStatementDocuments.Prefix(statement.Id, buildId))),
        };
        if (replaced is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, AgencyStatementRows.Superseded(replaced.Id, statement.Id, statement.IssuedAt ?? default)));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }

        // The latest attempt issued: a blocked marker of an earlier attempt no longer stands.
        await _table.DeleteEntityAsync(AgencyStatementRows.PartitionOf(statement.AgencyId), AgencyStatementRows.BlockedKey(statement.Period), ETag.All, ct);
        return true;
    }

    public async Task WriteBlockedAsync(string agencyId, PeriodKey period, IReadOnlyList<BlockReason> reasons, CancellationToken ct) =>
        await _table.UpsertEntityAsync(AgencyStatementRows.Blocked(agencyId, period, reasons), TableUpdateMode.Replace, ct);

    public async Task<IReadOnlyList<BlockedAgencyStatement>> ListBlockedAsync(string agencyId, CancellationToken ct) =>
        [.. (await ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {AgencyStatementRows.PartitionOf(agencyId)}"), ct)).Blocked.OrderBy(b => b.Period)];

    public async Task<bool> IsEmittedAsync(AgencyStatementId id, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(AgencyStatementRows.PartitionOf(id.AgencyId), AgencyStatementRows.EmittedKey(id), ["EmittedAt"], ct);
        return row.HasValue;
    }

    public async Task MarkEmittedAsync(AgencyStatementId id, Instant at, CancellationToken ct) =>
        await _table.UpsertEntityAsync(AgencyStatementRows.Emitted(id, at), TableUpdateMode.Replace, ct);

    private async Task<(List<AgencyStatementHeader> Headers, List<BlockedAgencyStatement> Blocked)> ReadAsync(string filter, CancellationToken ct)
    {
        var headers = new List<TableEntity>();
        var superseded = new HashSet<string>(StringComparer.Ordinal);
        var blocked = new List<BlockedAgencyStatement>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (AgencyStatementRows.IsHeader(row))
            {
                headers.Add(row);
            }
            else if (AgencyStatementRows.SupersededHeaderKey(row) is { } key)
            {
                superseded.Add(key);
            }
            else if (AgencyStatementRows.ToBlocked(row) is { } marker)
            {
                blocked.Add(marker);
            }
        }

        return ([.. headers.Select(h => AgencyStatementRows.ToHeader(h, superseded.Contains(h.RowKey)))], blocked);
    }
}
