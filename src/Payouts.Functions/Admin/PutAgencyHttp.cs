using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class PutAgencyHttp(ReferenceDataHandler handler)
{
    [Function(nameof(PutAgencyHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "put", Route = "agencies/{agencyId}")] HttpRequest request,
        string agencyId,
        CancellationToken cancellationToken) =>
        handler.PutAgencyAsync(request, agencyId, cancellationToken);
}
