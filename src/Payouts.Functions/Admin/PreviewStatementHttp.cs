using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

public sealed class PreviewStatementHttp(StatementReadHandler handler)
{
    [Function(nameof(PreviewStatementHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "creators/{creatorId}/statements/preview")] HttpRequest request,
        string creatorId,
        CancellationToken cancellationToken) =>
        handler.PreviewAsync(request, creatorId, cancellationToken);
}
