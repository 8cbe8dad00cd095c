using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class PutRateHttp(ReferenceDataHandler handler)
{
    [Function(nameof(PutRateHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "put", Route = "rates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.PutRateAsync(request, cancellationToken);
}
