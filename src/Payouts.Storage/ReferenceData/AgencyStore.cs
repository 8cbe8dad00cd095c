using Azure.Data.Tables;
using Payouts.Storage.Tables;

namespace Payouts.Storage.ReferenceData;

/// <summary>Agencies and where they want statement webhooks (PartitionKey "agency", RowKey = agencyId). Secrets live in configuration.</summary>
public sealed class AgencyStore(TableServiceClient tables)
{
    private const string Partition = "agency";
    private readonly TableClient _table = tables.GetTableClient(TableNames.Agencies);

    public async Task PutAsync(Agency agency, CancellationToken ct) =>
        await _table.UpsertEntityAsync(
            new TableEntity(Partition, agency.AgencyId) { ["Name"] = agency.Name, ["WebhookUrl"] = agency.WebhookUrl?.ToString() },
            TableUpdateMode.Replace,
            ct);

    public async Task<Agency?> GetAsync(string agencyId, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, agencyId, cancellationToken: ct);
        return row.HasValue
            ? new Agency(agencyId, row.Value!.GetString("Name"), row.Value.GetString("WebhookUrl") is { Length: > 0 } url ? new Uri(url) : null)
            : null;
    }
}
