using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Wire;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// The IngestRejected table. PartitionKey = UTC day of rejection ("2026-11-25"), RowKey = newest first
/// (inverted ticks) plus a unique suffix, so the latest rejections of a day list first. No PII at rest: every sender id
/// in a kept payload is replaced by its keyed hash (<see cref="SenderIdRedactor"/>), and text a table cannot hold
/// (unpaired surrogates) is replaced by U+FFFD.
/// </summary>
public sealed class IngestRejectedStore(TableServiceClient tables, IClock clock, SenderIdHasher senderHasher)
{
    /// <summary>Table properties hold 64 KiB; a queue message is at most 64 KiB, so keep the raw text within that.</summary>
    public const int MaxPayloadChars = 30_000;

    private readonly TableClient _table = tables.GetTableClient(Tables.TableNames.IngestRejected);
    private readonly SenderIdRedactor _redactor = new(senderHasher);

    public async Task AddAsync(IReadOnlyList<RejectedRecord> rejected, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var partition = now.InUtc().Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = rejected.Select((r, i) => (Row: r, Index: i, Payload: _redactor.Redact(JsonText.Scrub(r.RawPayload)))).Select(x => new TableEntity(partition, RowKey(now, x.Row, x.Index))
        {
            ["Source"] = x.Row.Source.ToString().ToLowerInvariant(),
            ["Origin"] = x.Row.Origin,
            ["Kind"] = x.Row.Kind.ToString().ToLowerInvariant(),
            ["PartnerId"] = x.Row.PartnerId,
            ["RecordId"] = x.Row.RecordId,
            ["Reason"] = JsonText.Scrub(x.Row.Reason),
            ["RawPayload"] = x.Payload.Length > MaxPayloadChars ? JsonText.Scrub(x.Payload[..MaxPayloadChars]) : x.Payload,
            ["PayloadTruncated"] = x.Payload.Length > MaxPayloadChars,
            ["MessageId"] = x.Row.MessageId,
            ["DequeueCount"] = x.Row.DequeueCount,
            ["RejectedAt"] = now.ToDateTimeOffset(),
        }).ToList();

        // Upsert: a redelivered message rewrites the same rows instead of piling up copies.
        await Tables.InsertOnlyWriter.UpsertMergeAsync(_table, rows, ct);
    }

    public async Task<IReadOnlyList<TableEntity>> ListAsync(LocalDate day, int max, CancellationToken ct)
    {
        var list = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: ct))
        {
            list.Add(row);
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }

    // Deterministic per message and position when the message id is known, so redelivery is idempotent.
    private static string RowKey(Instant now, RejectedRecord r, int index) =>
        r.MessageId is { } messageId
            ? $"msg|{Sanitize(messageId)}|{index:D4}"
            : $"{DateTime.MaxValue.Ticks - now.ToDateTimeUtc().Ticks:D19}|{Guid.NewGuid():N}|{index:D4}";

    private static string Sanitize(string value) => new(value.Where(char.IsAsciiLetterOrDigit).Take(64).ToArray());
}
