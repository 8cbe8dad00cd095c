using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Payouts.Domain.Rates;
using Payouts.Storage.Tables;

namespace Payouts.Storage.ReferenceData;

/// <summary>
/// Effective-dated rates. PartitionKey = rate kind, RowKey = "{key}|{from yyyy-MM-dd}" (key: region, "_" for global
/// rates, "USD-EUR" for an FX pair, since '/' is not allowed in keys). Values are exact decimal strings. A version is
/// never overwritten: a new rate is a new row with a later start date. A row stored by force (it starts inside a
/// period whose close had started) also carries <c>Forced</c>, <c>ForceReason</c>, <c>ForcedBy</c>, <c>ForcedAt</c>
/// and <c>ForcedPeriods</c>.
/// </summary>
public sealed class RateStore(TableServiceClient tables)
{
    private const string GlobalKey = "_";
    private readonly TableClient _table = tables.GetTableClient(TableNames.Rates);

    /// <summary>
    /// Adds a rate version, insert-only. <see cref="VersionWrite.Unchanged"/> when that (kind, key, from) already holds
    /// the same value and version id; <see cref="VersionWrite.Conflict"/> when it holds anything else (it stays).
    /// </summary>
    public async Task<VersionWrite> AddAsync(RateEntry entry, RateOverride? forced, CancellationToken ct)
    {
        var row = new TableEntity(entry.Kind.ToString(), RowKey(entry.Key, entry.From))
        {
            ["Key"] = entry.Key,
            ["From"] = LocalDatePattern.Iso.Format(entry.From),
            ["Value"] = entry.Value.ToString(CultureInfo.InvariantCulture),
            ["VersionId"] = entry.VersionId,
        };
        if (forced is not null)
        {
            row["Forced"] = true;
            row["ForceReason"] = forced.Force.Reason;
            row["ForcedBy"] = forced.Force.RequestedBy;
            row["ForcedAt"] = forced.At.ToDateTimeOffset();
            row["ForcedPeriods"] = string.Join(',', forced.IssuedPeriods);
        }

        var existing = await InsertOnlyWriter.AddAsync(_table, [row], expectExisting: false, ct);
        return existing[0] switch
        {
            null => VersionWrite.Added,
            { } there when SameContent(ToEntry(there), entry) => VersionWrite.Unchanged,
            _ => VersionWrite.Conflict,
        };
    }

    /// <summary>Adds a rate version that needs no force (see <see cref="AddAsync(RateEntry, RateOverride?, CancellationToken)"/>).</summary>
    public Task<VersionWrite> AddAsync(RateEntry entry, CancellationToken ct) => AddAsync(entry, forced: null, ct);

    /// <summary>The version of (kind, key) starting exactly on <paramref name="from"/>, if any.</summary>
    public async Task<RateEntry?> GetAsync(RateKind kind, string key, LocalDate from, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(kind.ToString(), RowKey(key, from), cancellationToken: ct);
        return row.HasValue ? ToEntry(row.Value!) : null;
    }

    /// <summary>Whether (kind, key) has a version starting before <paramref name="date"/>: one a record on that date would have used.</summary>
    public async Task<bool> HasVersionBeforeAsync(RateKind kind, string key, LocalDate date, CancellationToken ct)
    {
        var prefix = $"{KeyPart(key)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind.ToString()} and RowKey ge {prefix} and RowKey lt {RowKey(key, date)}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return true;
        }

        return false;
    }

    /// <summary>All rates (a small table: a few rows per region and currency pair per year).</summary>
    public async Task<RateBook> LoadAsync(CancellationToken ct)
    {
        var entries = new List<RateEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            entries.Add(ToEntry(row));
        }

        return new RateBook(entries);
    }

    /// <summary>The same version: same value (as a number, "0.50" is "0.5") and the same version id.</summary>
    public static bool SameContent(RateEntry stored, RateEntry candidate) =>
        stored.Value == candidate.Value && string.Equals(stored.VersionId, candidate.VersionId, StringComparison.Ordinal);

    private static RateEntry ToEntry(TableEntity row) => new(
        Enum.Parse<RateKind>(row.PartitionKey),
        row.GetString("Key"),
        LocalDatePattern.Iso.Parse(row.GetString("From")).Value,
        decimal.Parse(row.GetString("Value"), NumberStyles.Number, CultureInfo.InvariantCulture),
        row.GetString("VersionId"));

    private static string KeyPart(string key) => key.Length == 0 ? GlobalKey : key.Replace('/', '-');

    private static string RowKey(string key, LocalDate from) => $"{KeyPart(key)}|{LocalDatePattern.Iso.Format(from)}";
}
