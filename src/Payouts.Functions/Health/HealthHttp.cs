using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Health;

/// <summary>Anonymous so platform probes can call it; it reveals check names and states only.</summary>
public sealed class HealthHttp(HealthHandler handler)
{
    [Function(nameof(HealthHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.CheckAsync(cancellationToken);
}
