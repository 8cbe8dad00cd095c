using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class ListCreatorStatementsHttp(StatementReadHandler handler)
{
    [Function(nameof(ListCreatorStatementsHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "creators/{creatorId}/statements")] HttpRequest request,
        string creatorId,
        CancellationToken cancellationToken) =>
        handler.ListAsync(request, creatorId, cancellationToken);
}
