using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Application.Outbox;
using Payouts.Functions.Http;
using Payouts.Storage.Outbox;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Admin;

/// <summary>Undelivered payout messages and webhooks, a page at a time, with attempts and how the last one failed (a category and a status code).</summary>
public sealed class OutboxHandler(OutboxStore outbox)
{
    private const string Scope = "outbox";

    public async Task<IActionResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        if (PageRequest.TryRead(request, Scope, OutboxStore.IsDeliveryId, out var page) is { } problem)
        {
            return problem;
        }

        var pending = await outbox.ListPendingPageAsync(page.AfterRowKey, page.PageSize, ct);
        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("pending", pending.Items.Count);
            w.WriteStartArray("deliveries");
            foreach (var delivery in pending.Items)
            {
                w.WriteStartObject();
                w.WriteString("deliveryId", delivery.DeliveryId);
                w.WriteString("channel", delivery.Channel == OutboxChannel.Queue ? "queue" : "webhook");
                w.WriteString("event", delivery.Event);
                w.WriteString("subjectId", delivery.SubjectId);
                w.WriteString("targetId", delivery.TargetId);
                w.WriteNumber("attempts", delivery.Attempts);
                w.WriteInstant("createdAt", delivery.CreatedAt);
                w.WriteInstant("nextAttemptAt", delivery.NextAttemptAt);
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
            if (pending.HasMore)
            {
                w.WriteString("continuationToken", PageToken.Encode(Scope, pending.LastRowKey!));
            }

            w.WriteEndObject();
        });
    }
}
