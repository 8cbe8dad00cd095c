using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>Voids a stored gift or deal with a reason (docs/operations.md, "Correct a record").</summary>
public sealed class VoidRecordHttp(CorrectionsHandler handler)
{
    [Function(nameof(VoidRecordHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "post", Route = "records/{kind}/{partnerId}/{recordId}/void")] HttpRequest request,
        string kind,
        string partnerId,
        string recordId,
        CancellationToken cancellationToken) =>
        handler.VoidAsync(request, kind, partnerId, recordId, cancellationToken);
}
