using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Payouts.Functions.Http;

/// <summary>
/// The one place HTTP failures become problem details. Storage trouble is a 503 with Retry-After (the partner
/// resends; ingestion is idempotent); anything else is logged and answered with a 500 problem that leaks nothing.
/// Non-HTTP functions rethrow, so the queue host retries and poisons as designed.
/// </summary>
public sealed partial class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.GetHttpContext()?.RequestAborted.IsCancellationRequested == true)
        {
            // The client went away: nobody to answer, nothing failed on our side (ingest is idempotent, it may resend).
            LogAborted(logger, context.FunctionDefinition.Name, context.InvocationId);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            var problem = IsStorageUnavailable(ex)
                ? ProblemResult.Unavailable("Storage is not answering; retry the same request, it is safe to resend.")
                : new ProblemResult(StatusCodes.Status500InternalServerError, ProblemTypes.Internal, "Unexpected error.", $"Quote invocation {context.InvocationId} to support.");
            LogFailure(logger, ex, context.FunctionDefinition.Name, context.InvocationId, problem.Status);
            await problem.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        }
    }

    /// <summary>Storage answered with an error, or (after the SDK's own retries) could not be reached at all.</summary>
    private static bool IsStorageUnavailable(Exception ex) =>
        ex is RequestFailedException or TimeoutException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsStorageUnavailable))
        || (ex is HttpRequestException && ex.InnerException is not null);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName} invocation {InvocationId}: the client aborted the request")]
    private static partial void LogAborted(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} invocation {InvocationId} failed; answered {Status}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string functionName, string invocationId, int status);
}
