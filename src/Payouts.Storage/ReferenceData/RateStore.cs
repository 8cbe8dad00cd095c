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
/// never overwritten: a new rate is a new row with a later start date.
/// </summary>
public sealed class RateStore(TableServiceClient tables)
{
    private const string GlobalKey = "_";
    private readonly TableClient _table = tables.GetTableClient(TableNames.Rates);

    /// <summary>Adds a rate version; false when that (kind, key, from) already exists with another value or version.</summary>
    public async Task<bool> AddAsync(RateEntry entry, CancellationToken ct)
    {
        var row = new TableEntity(entry.Kind.ToString(), RowKey(entry.Key, entry.From))
        {
            ["Key"] = entry.Key,
            ["From"] = LocalDatePattern.Iso.Format(entry.From),
            ["Value"] = entry.Value.ToString(CultureInfo.InvariantCulture),
            ["VersionId"] = entry.VersionId,
        };
        var existing = await InsertOnlyWriter.AddAsync(_table, [row], expectExisting: false, ct);
        return existing[0] is null || (existing[0]!.GetString("Value") == row.GetString("Value") && existing[0]!.GetString("VersionId") == entry.VersionId);
    }

    /// <summary>All rates (a small table: a few rows per region and currency pair per year).</summary>
    public async Task<RateBook> LoadAsync(CancellationToken ct)
    {
        var entries = new List<RateEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            entries.Add(new RateEntry(
                Enum.Parse<RateKind>(row.PartitionKey),
                row.GetString("Key"),
                LocalDatePattern.Iso.Parse(row.GetString("From")).Value,
                decimal.Parse(row.GetString("Value"), NumberStyles.Number, CultureInfo.InvariantCulture),
                row.GetString("VersionId")));
        }

        return new RateBook(entries);
    }

    private static string RowKey(string key, LocalDate from) =>
        $"{(key.Length == 0 ? GlobalKey : key.Replace('/', '-'))}|{LocalDatePattern.Iso.Format(from)}";
}
