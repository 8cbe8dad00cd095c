using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Periods;
using Payouts.Domain.Periods;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Periods;

/// <summary>
/// The Periods table: one row per period that ever had a record (PartitionKey "period", RowKey = period key).
/// Ingestion makes sure the row exists; the closer moves it Open → Closing → Closed with ETag-guarded updates, so two
/// concurrent closers never both believe they started the close.
/// </summary>
public sealed class PeriodStore(TableServiceClient tables) : IPeriodRepository
{
    private const string Partition = "period";
    private readonly TableClient _table = tables.GetTableClient(TableNames.Periods);
    private readonly ConcurrentDictionary<PeriodKey, bool> _known = new();
    private readonly ConcurrentDictionary<PeriodKey, bool> _closing = new();

    /// <summary>Creates missing rows as Open; a period already known to this process costs nothing.</summary>
    public async Task EnsureExistsAsync(IEnumerable<PeriodKey> periods, CancellationToken ct)
    {
        var missing = periods.Distinct().Where(p => !_known.ContainsKey(p)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var rows = missing.Select(p => new TableEntity(Partition, p.ToString()) { ["Status"] = nameof(PeriodStatus.Open) }).ToList();
        await InsertOnlyWriter.AddAsync(_table, rows, expectExisting: false, ct);
        foreach (var period in missing)
        {
            _known[period] = true;
        }
    }

    public async Task<PeriodState?> GetAsync(PeriodKey period, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, period.ToString(), cancellationToken: ct);
        return row.HasValue ? ToState(row.Value!) : null;
    }

    /// <summary>Whether the period's close has started (Closing or Closed). A period never reopens, so a yes is remembered.</summary>
    public async Task<bool> IsClosingOrClosedAsync(PeriodKey period, CancellationToken ct)
    {
        if (_closing.ContainsKey(period))
        {
            return true;
        }

        if (await GetAsync(period, ct) is { Status: not PeriodStatus.Open })
        {
            _closing[period] = true;
            return true;
        }

        return false;
    }

    /// <summary>Every period not yet closed, oldest first.</summary>
    public Task<IReadOnlyList<PeriodState>> ListUnclosedAsync(CancellationToken ct) =>
        ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status ne {nameof(PeriodStatus.Closed)}"), ct);

    /// <summary>
    /// Periods of <paramref name="first"/>'s kind, from it on, whose close has started (Closing or Closed), oldest
    /// first: the ones whose statements are issued, or being issued, with the rates in force when they were built. One
    /// query over the small Periods partition (a row per period that ever had a record).
    /// </summary>
    public async Task<IReadOnlyList<PeriodKey>> ListClosingOrClosedFromAsync(PeriodKey first, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {first.ToString()} and Status ne {nameof(PeriodStatus.Open)}");
        var started = await ListAsync(filter, ct);
        return started.Select(p => p.Period).Where(p => p.Kind == first.Kind && p >= first).ToList();
    }

    private async Task<IReadOnlyList<PeriodState>> ListAsync(string filter, CancellationToken ct)
    {
        var list = new List<PeriodState>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            list.Add(ToState(row));
        }

        return list.OrderBy(p => p.Period.Start).ToList();
    }

    /// <summary>Open → Closing, only if nobody changed the row since it was read. False: someone else moved it first.</summary>
    public async Task<bool> TryStartClosingAsync(PeriodState state, Instant now, bool forced, CancellationToken ct)
    {
        var row = new TableEntity(Partition, state.Period.ToString())
        {
            ["Status"] = nameof(PeriodStatus.Closing),
            ["ClosingStartedAt"] = now.ToDateTimeOffset(),
            ["Forced"] = forced,
        };
        return await TryUpdateAsync(row, new ETag(state.Version), ct);
    }

    public async Task MarkClosedAsync(PeriodKey period, Instant now, int creatorsVisited, CancellationToken ct)
    {
        var row = new TableEntity(Partition, period.ToString())
        {
            ["Status"] = nameof(PeriodStatus.Closed),
            ["ClosedAt"] = now.ToDateTimeOffset(),
            ["CreatorsVisited"] = creatorsVisited,
        };
        await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, ct);
    }

    /// <summary>Every closed period, oldest first (one query over the small Periods partition).</summary>
    public Task<IReadOnlyList<PeriodState>> ListClosedAsync(CancellationToken ct) =>
        ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Status eq {nameof(PeriodStatus.Closed)}"), ct);

    public Task MarkAgencyStatementsStartedAsync(PeriodKey period, Instant now, CancellationToken ct) =>
        MergeAsync(period, "AgencyStatementsStartedAt", now, ct);

    public Task MarkAgencyStatementsIssuedAsync(PeriodKey period, Instant now, CancellationToken ct) =>
        MergeAsync(period, "AgencyStatementsIssuedAt", now, ct);

    /// <summary>Creates the row when a close is asked for a period no record has reached yet.</summary>
    public async Task<PeriodState> GetOrCreateAsync(PeriodKey period, CancellationToken ct)
    {
        await EnsureExistsAsync([period], ct);
        return await GetAsync(period, ct) ?? throw new InvalidOperationException($"Period {period} vanished.");
    }

    private async Task<bool> TryUpdateAsync(TableEntity row, ETag etag, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(row, etag, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    private async Task MergeAsync(PeriodKey period, string column, Instant at, CancellationToken ct) =>
        await _table.UpdateEntityAsync(new TableEntity(Partition, period.ToString()) { [column] = at.ToDateTimeOffset() }, ETag.All, TableUpdateMode.Merge, ct);

    private static Instant? InstantOf(TableEntity row, string column) => row.GetDateTimeOffset(column) is { } at ? Instant.FromDateTimeOffset(at) : null;

    private static PeriodState ToState(TableEntity row) => new(
        PeriodKey.Parse(row.RowKey),
        Enum.Parse<PeriodStatus>(row.GetString("Status")),
        InstantOf(row, "ClosingStartedAt"),
        InstantOf(row, "ClosedAt"),
        row.GetBoolean("Forced") ?? false,
        row.GetInt32("CreatorsVisited") ?? 0,
        row.ETag.ToString())
    {
        AgencyStatementsStartedAt = InstantOf(row, "AgencyStatementsStartedAt"),
        AgencyStatementsIssuedAt = InstantOf(row, "AgencyStatementsIssuedAt"),
    };
}
