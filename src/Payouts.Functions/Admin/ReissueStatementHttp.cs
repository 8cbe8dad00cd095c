using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>Reissues a creator's latest statement with a reason (docs/operations.md, "Reissue a statement").</summary>
public sealed class ReissueStatementHttp(CorrectionsHandler handler)
{
    [Function(nameof(ReissueStatementHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "post", Route = "statements/{statementId}/reissue")] HttpRequest request,
        string statementId,
        CancellationToken cancellationToken) =>
        handler.ReissueAsync(request, statementId, cancellationToken);
}
