using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Domain.Records;
using Payouts.Functions.Http;

namespace Payouts.Functions.Ingestion;

public sealed class IngestDealsHttp(HttpIngestHandler<DealRecord> handler)
{
    [Function(nameof(IngestDealsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deals")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
