using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Hosting;
using Payouts.DevHost.Invocation;

namespace Payouts.DevHost.Http;

/// <summary>
/// Maps every HTTP-triggered function to Kestrel under the host's route prefix (host.json <c>extensions.http.routePrefix</c>,
/// <c>api</c>), with its declared methods and authorization level, and logs each invocation.
/// </summary>
public static partial class HttpFunctionEndpoints
{
    public static IReadOnlyList<string> Map(IEndpointRouteBuilder endpoints, FunctionCatalog catalog, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        var mapped = new List<string>();
        foreach (var function in catalog.Of(TriggerKind.HttpTrigger))
        {
            if (SettingResolver.IsDisabled(configuration, function.Name))
            {
                continue;
            }

            var pattern = PatternOf(routePrefix, function.Route!);
            RequestDelegate handler = context => HandleAsync(function, context);
            var builder = function.HttpMethods.Count == 0
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, function.HttpMethods.Select(m => m.ToUpperInvariant()), handler);
            builder.WithDisplayName(function.Name);
            mapped.Add(pattern);
        }

        return mapped;
    }

    public static string PatternOf(string routePrefix, string route) =>
        "/" + string.Join('/', new[] { routePrefix.Trim('/'), route.Trim('/') }.Where(s => s.Length > 0));

    private static async Task HandleAsync(FunctionDescriptor function, HttpContext context)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Payouts.DevHost.Invocations");
        var started = Stopwatch.GetTimestamp();
        var (method, path) = (context.Request.Method, context.Request.Path.Value ?? string.Empty);
        if (!services.GetRequiredService<FunctionKeys>().Authorizes(function.AuthLevel, context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            var refusedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHttp(logger, function.Name, method, path, StatusCodes.Status401Unauthorized, refusedMs);
            return;
        }

        try
        {
            await services.GetRequiredService<FunctionInvoker>().InvokeAsync(function, InvocationInput.ForHttp(context), services, context.RequestAborted);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            LogHttp(logger, function.Name, method, path, status, elapsedMs);
        }
        catch (Exception ex)
        {
            // What the app's middleware did not turn into a response: the Functions host answers 500 without details.
            var failedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHttpFailed(logger, ex, function.Name, method, path, failedMs);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{FunctionName} {Method} {Path} → {Status} in {ElapsedMs:0} ms")]
    private static partial void LogHttp(ILogger logger, string functionName, string method, string path, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{FunctionName} {Method} {Path} failed after {ElapsedMs:0} ms")]
    private static partial void LogHttpFailed(ILogger logger, Exception exception, string functionName, string method, string path, double elapsedMs);
}
