using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Health;

/// <summary>Anonymous, for the platform's health check: a status and a warning count, nothing else; 503 only when this instance cannot serve.</summary>
public sealed class HealthHttp(HealthHandler handler)
{
    [Function(nameof(HealthHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        handler.CheckAsync(cancellationToken);
}
