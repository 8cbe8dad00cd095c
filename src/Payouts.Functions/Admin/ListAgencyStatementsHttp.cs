using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class ListAgencyStatementsHttp(AgencyStatementReadHandler handler)
{
    [Function(nameof(ListAgencyStatementsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "agencies/{agencyId}/statements")] HttpRequest request,
        string agencyId,
        CancellationToken cancellationToken) =>
        handler.ListAsync(agencyId, cancellationToken);
}
