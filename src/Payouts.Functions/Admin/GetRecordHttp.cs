using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.Functions.Admin;

/// <summary>A stored gift or deal's audit: identity, stored or voided, and who voided it, when and why (docs/operations.md).</summary>
public sealed class GetRecordHttp(CorrectionsHandler handler)
{
    [Function(nameof(GetRecordHttp))]
    public Task<IActionResult> Run(
        [HttpTrigger(AdminFunctions.Level, "get", Route = "records/{kind}/{partnerId}/{recordId}")] HttpRequest request,
        string kind,
        string partnerId,
        string recordId,
        CancellationToken cancellationToken) =>
        handler.GetRecordAsync(kind, partnerId, recordId, cancellationToken);
}
