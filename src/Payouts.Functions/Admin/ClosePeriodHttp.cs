using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class ClosePeriodHttp(PeriodHandler handler)
{
    [Function(nameof(ClosePeriodHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "post", Route = "periods/{period}/close")] HttpRequest request,
        string period,
        CancellationToken cancellationToken) =>
        handler.CloseAsync(period, string.Equals(request.Query["force"], "true", StringComparison.OrdinalIgnoreCase), cancellationToken);
}
