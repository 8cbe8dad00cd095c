using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Domain.Records;
using Payouts.Functions.Http;

namespace Payouts.Functions.Ingestion;

public sealed class IngestGiftsHttp(HttpIngestHandler<GiftRecord> handler)
{
    [Function(nameof(IngestGiftsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "gifts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
