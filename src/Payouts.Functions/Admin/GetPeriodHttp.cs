using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class GetPeriodHttp(PeriodHandler handler)
{
    [Function(nameof(GetPeriodHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "periods/{period}")] HttpRequest request,
        string period,
        CancellationToken cancellationToken) =>
        handler.GetAsync(period, cancellationToken);
}
