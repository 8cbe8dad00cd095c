using Azure.Data.Tables;

namespace Payouts.Reliability.Tests;

/// <summary>Reads the app's tables directly, independently of the app, to check what it claims.</summary>
public sealed class StorageProbe(string connectionString)
{
    private readonly TableServiceClient _tables = new(connectionString);

    public async Task<int> CountGiftsAsync(IEnumerable<string> creators, string period)
    {
        var count = 0;
        var table = _tables.GetTableClient("Gifts");
        foreach (var creator in creators)
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {creator + "|" + period} and RowKey ne {"!seq"}"), select: ["RowKey"]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Headers of the period's statements (per-period index rows).</summary>
    public async Task<List<TableEntity>> StatementsAsync(string period)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _tables.GetTableClient("StatementsByPeriod").QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period}")))
        {
            if (row.ContainsKey("StatementId"))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
