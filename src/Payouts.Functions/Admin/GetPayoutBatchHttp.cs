using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>A closed period's payout batch: JSON summary, CSV or pain.001 XML (docs/operations.md, "Payout batch").</summary>
public sealed class GetPayoutBatchHttp(PayoutBatchHandler handler)
{
    [Function(nameof(GetPayoutBatchHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "periods/{period}/payout-batch")] HttpRequest request,
        string period,
        CancellationToken cancellationToken) =>
        handler.GetAsync(request, period, cancellationToken);
}
