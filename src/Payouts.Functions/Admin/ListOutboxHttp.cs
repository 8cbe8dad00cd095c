using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>Undelivered payout messages and webhooks, with attempts and how the last one failed: what an on-call engineer checks first.</summary>
public sealed class ListOutboxHttp(OutboxHandler handler)
{
    [Function(nameof(ListOutboxHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "outbox")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.ListAsync(request, cancellationToken);
}
