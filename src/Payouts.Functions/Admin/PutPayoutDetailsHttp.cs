using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>Sets where a creator's payouts go (docs/operations.md, "Payout details").</summary>
public sealed class PutPayoutDetailsHttp(PayoutDetailsHandler handler)
{
    [Function(nameof(PutPayoutDetailsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "put", Route = "creators/{creatorId}/payout-details")] HttpRequest request,
        string creatorId,
        CancellationToken cancellationToken) =>
        handler.PutAsync(request, creatorId, cancellationToken);
}
