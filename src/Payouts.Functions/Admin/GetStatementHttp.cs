using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class GetStatementHttp(StatementReadHandler handler)
{
    [Function(nameof(GetStatementHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "statements/{statementId}")] HttpRequest request,
        string statementId,
        CancellationToken cancellationToken) =>
        handler.GetAsync(request, statementId, cancellationToken);
}
