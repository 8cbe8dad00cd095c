using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Functions.Http;

namespace Payouts.Functions.Admin;

public sealed class ClosePeriodHttp(PeriodHandler handler)
{
    [Function(nameof(ClosePeriodHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "post", Route = "periods/{period}/close")] HttpRequest request,
        string period,
        CancellationToken cancellationToken) =>
        QueryFlag.TryRead(request, "force", out var force) is { } problem
            ? Task.FromResult<IActionResult>(problem)
            : handler.CloseAsync(period, force, cancellationToken);
}
