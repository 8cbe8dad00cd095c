using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Payouts.Functions.Admin;

namespace Payouts.Functions.Health;

/// <summary>For on-call, with the admin key: every check, its detail and the reference-data warnings (region names included).</summary>
public sealed class HealthDetailsHttp(HealthHandler handler)
{
    [Function(nameof(HealthDetailsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "health/details")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.DetailsAsync(cancellationToken);
}
