using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Functions.Http;
using Payouts.Storage.Webhooks;

namespace Payouts.Functions.Admin;

/// <summary>Undelivered webhooks, with attempts and the last error: what an on-call engineer checks first.</summary>
public sealed class ListOutboxHttp(OutboxStore outbox)
{
    [Function(nameof(ListOutboxHttp))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "outbox")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var pending = await outbox.ListPendingAsync(500, cancellationToken);
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("pending", pending.Count);
            w.WriteStartArray("deliveries");
            foreach (var row in pending)
            {
                w.WriteStartObject();
                w.WriteString("deliveryId", row.RowKey);
                w.WriteString("event", row.GetString("Event"));
                w.WriteString("subjectId", row.GetString("SubjectId"));
                w.WriteString("targetId", row.GetString("TargetId"));
                w.WriteNumber("attempts", row.GetInt32("Attempts") ?? 0);
                w.WriteString("createdAt", row.GetDateTimeOffset("CreatedAt")?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("nextAttemptAt", row.GetDateTimeOffset("NextAttemptAt")?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("lastError", row.GetString("LastError"));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
