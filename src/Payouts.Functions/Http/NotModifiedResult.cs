using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Payouts.Functions.Http;

/// <summary>304 Not Modified with the entity tag that matched, and no body.</summary>
public sealed class NotModifiedResult(string etag) : IActionResult
{
    public string ETag => etag;

    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status304NotModified;
        response.Headers.ETag = etag;
        return Task.CompletedTask;
    }
}
