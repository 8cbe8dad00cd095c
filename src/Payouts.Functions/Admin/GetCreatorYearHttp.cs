using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class GetCreatorYearHttp(CreatorYearHandler handler)
{
    [Function(nameof(GetCreatorYearHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "creators/{creatorId}/years/{year}")] HttpRequest request,
        string creatorId,
        string year,
        CancellationToken cancellationToken) =>
        handler.GetAsync(request, creatorId, year, cancellationToken);
}
