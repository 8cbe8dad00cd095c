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
/// the version in force on the last day of its period; issued statements keep the version id they used.
/// </summary>
public sealed class ContractStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Creators);

    /// <summary>Writes a contract version. The same start date replaces that version only while no statement used it (the caller checks).</summary>
    public async Task PutAsync(Versioned<CreatorContract> version, CancellationToken ct)
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
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    public async Task<IReadOnlyList<Versioned<CreatorContract>>> GetVersionsAsync(string creatorId, CancellationToken ct)
    {
        var versions = new List<Versioned<CreatorContract>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creatorId} and RowKey ge {"contract|"} and RowKey lt {"contract|~"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var currency = Currency.FromCode(row.GetString("PayoutCurrency"));
            var contract = new CreatorContract(
                row.PartitionKey,
                row.GetString("Region"),
                currency,
                row.GetString("AgencyId"),
                new CommissionRates(Share(row, "CommissionGifts"), Share(row, "CommissionDeals"), Share(row, "CommissionBonuses")),
                new Money(row.GetInt64("MinimumPayoutMinor") ?? 0, currency),
                Share(row, "Withholding"));
            versions.Add(new Versioned<CreatorContract>(row.GetString("VersionId"), LocalDatePattern.Iso.Parse(row.GetString("From")).Value, contract));
        }

        return versions;
    }

    private static string RowKey(Versioned<CreatorContract> version) => $"contract|{LocalDatePattern.Iso.Format(version.From)}";

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static Share Share(TableEntity row, string column) =>
        new(decimal.Parse(row.GetString(column) ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture));
}
