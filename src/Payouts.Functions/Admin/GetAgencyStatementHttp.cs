using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class GetAgencyStatementHttp(AgencyStatementReadHandler handler)
{
    [Function(nameof(GetAgencyStatementHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "agency-statements/{agencyStatementId}")] HttpRequest request,
        string agencyStatementId,
        CancellationToken cancellationToken) =>
        handler.GetAsync(request, agencyStatementId, cancellationToken);
}
