using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class PutCreatorHttp(ReferenceDataHandler handler)
{
    [Function(nameof(PutCreatorHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "put", Route = "creators/{creatorId}")] HttpRequest request,
        string creatorId,
        CancellationToken cancellationToken) =>
        handler.PutCreatorAsync(request, creatorId, cancellationToken);
}
