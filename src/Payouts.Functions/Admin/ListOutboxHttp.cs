using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Functions.Http;
using Payouts.Storage.Outbox;
using Payouts.Application.Outbox;

namespace Payouts.Functions.Admin;

/// <summary>Undelivered payout messages and webhooks, with attempts and how the last one failed (a category and a status code): what an on-call engineer checks first.</summary>
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
            foreach (var delivery in pending)
            {
                w.WriteStartObject();
                w.WriteString("deliveryId", delivery.DeliveryId);
                w.WriteString("channel", delivery.Channel == OutboxChannel.Queue ? "queue" : "webhook");
                w.WriteString("event", delivery.Event);
                w.WriteString("subjectId", delivery.SubjectId);
                w.WriteString("targetId", delivery.TargetId);
                w.WriteNumber("attempts", delivery.Attempts);
                w.WriteString("createdAt", delivery.CreatedAt.ToString());
                w.WriteString("nextAttemptAt", delivery.NextAttemptAt.ToString());
                if (delivery.LastFailure is { } failure)
                {
                    w.WriteString("lastErrorCategory", failure.Code);
                    w.WriteNumber("lastStatus", failure.Status);
                    w.WriteString("lastError", failure.Describe());
                }
                else
                {
                    w.WriteNull("lastError");
                }
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
