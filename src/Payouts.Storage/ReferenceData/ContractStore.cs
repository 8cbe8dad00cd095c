using System.Globalization;
using Azure.Data.Tables;
using NodaTime.Text;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Storage.Tables;

namespace Payouts.Storage.ReferenceData;

/// <summary>
/// Creator contracts, effective-dated. PartitionKey = creatorId, RowKey = "contract|{from yyyy-MM-dd}". A statement uses
/// the version in force on the last day of its period; issued statements keep the version id they used. A version is
/// insert-only: new terms are a new version with a later start date, never an edit of a stored one.
/// </summary>
public sealed class ContractStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Creators);

    /// <summary>
    /// Adds a contract version, insert-only. <see cref="VersionWrite.Unchanged"/> when the creator already has a version
    /// from that date with the same terms; <see cref="VersionWrite.Conflict"/> when its terms differ (it stays as it was).
    /// </summary>
    public async Task<VersionWrite> AddAsync(Versioned<CreatorContract> version, CancellationToken ct)
    {
        var c = version.Value;
        var row = new TableEntity(c.CreatorId, RowKey(version))
        {
            ["VersionId"] = version.VersionId,
            ["From"] = LocalDatePattern.Iso.Format(version.From),
            ["Region"] = c.Region,
            ["PayoutCurrency"] = c.PayoutCurrency.Code,
            ["AgencyId"] = c.AgencyId,
            ["CommissionGifts"] = Text(c.AgencyCommission.Gifts.Value),
            ["CommissionDeals"] = Text(c.AgencyCommission.Deals.Value),
            ["CommissionBonuses"] = Text(c.AgencyCommission.Bonuses.Value),
            ["MinimumPayoutMinor"] = c.MinimumPayout.MinorUnits,
            ["Withholding"] = Text(c.Withholding.Value),
            ["DisplayName"] = c.DisplayName,
        };
        var existing = await InsertOnlyWriter.AddAsync(_table, [row], expectExisting: false, ct);
        return existing[0] switch
        {
            null => VersionWrite.Added,
            { } there when ToVersion(there) == version => VersionWrite.Unchanged,
            _ => VersionWrite.Conflict,
        };
    }

    public async Task<IReadOnlyList<Versioned<CreatorContract>>> GetVersionsAsync(string creatorId, CancellationToken ct)
    {
        var versions = new List<Versioned<CreatorContract>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creatorId} and RowKey ge {"contract|"} and RowKey lt {"contract|~"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            versions.Add(ToVersion(row));
        }

        return versions;
    }

    private static Versioned<CreatorContract> ToVersion(TableEntity row)
    {
        var currency = Currency.FromCode(row.GetString("PayoutCurrency"));
        var contract = new CreatorContract(
            row.PartitionKey,
            row.GetString("Region"),
            currency,
            row.GetString("AgencyId"),
            new CommissionRates(Share(row, "CommissionGifts"), Share(row, "CommissionDeals"), Share(row, "CommissionBonuses")),
            new Money(row.GetInt64("MinimumPayoutMinor") ?? 0, currency),
            Share(row, "Withholding"))
        {
            DisplayName = row.GetString("DisplayName"),
        };
        return new Versioned<CreatorContract>(row.GetString("VersionId"), LocalDatePattern.Iso.Parse(row.GetString("From")).Value, contract);
    }

    private static string RowKey(Versioned<CreatorContract> version) => $"contract|{LocalDatePattern.Iso.Format(version.From)}";

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static Share Share(TableEntity row, string column) =>
        new(decimal.Parse(row.GetString(column) ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture));
}
