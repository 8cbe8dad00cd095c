using Azure.Data.Tables;
using NodaTime;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// A void: a new row in the voided record's own partition (so it is numbered and settled like any record), a copy of
/// the record's columns plus who voided it, when and why. The record itself never changes. RowKey
/// <c>{partnerId}|{recordId}|void</c> ('|' cannot occur in an id): one void per record.
/// </summary>
public static class VoidRows
{
    public const string VoidOf = "VoidOf";
    public const string Reason = "VoidReason";
    public const string By = "VoidedBy";
    public const string At = "VoidedAt";

    /// <summary>For a gift: the quantity the void takes back (what refunds had not already).</summary>
    public const string Quantity = "VoidQuantity";

    public static string KeyOf(string recordRowKey) => recordRowKey + "|void";

    public static bool IsVoid(TableEntity row) => row.ContainsKey(VoidOf);

    /// <summary>The quantity a gift's void takes back; null on a deal's void.</summary>
    public static int? QuantityOf(TableEntity voidRow) => voidRow.GetInt64(Quantity) is { } quantity ? checked((int)quantity) : null;

    internal static TableEntity Create(TableEntity record, string reason, string by, Instant at, long? quantity)
    {
        var row = new TableEntity(record.PartitionKey, KeyOf(record.RowKey));
        foreach (var (name, value) in record)
        {
            if (name is not ("odata.etag" or "PartitionKey" or "RowKey" or "Timestamp") && name != RecordSequence.SeqColumn)
            {
                row[name] = value;
            }
        }

        row[VoidOf] = record.RowKey;
        row[Reason] = reason;
        row[By] = by;
        row[At] = at.ToDateTimeOffset();
        if (quantity is { } q)
        {
            row[Quantity] = q;
        }

        return row;
    }
}
