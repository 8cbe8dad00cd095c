using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>A creator's payout details, masked.</summary>
public sealed class GetPayoutDetailsHttp(PayoutDetailsHandler handler)
{
    [Function(nameof(GetPayoutDetailsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "creators/{creatorId}/payout-details")] HttpRequest request,
        string creatorId,
        CancellationToken cancellationToken) =>
        handler.GetAsync(creatorId, cancellationToken);
}
