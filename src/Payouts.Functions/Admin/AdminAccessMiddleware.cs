using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Payouts.Functions.Http;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Admin;

/// <summary>
/// With <see cref="AdminOptions.RequireEntraRole"/> on, an admin-level route (its trigger's authorization level) runs
/// only for an Entra ID caller holding the operator role: the master key alone is no longer enough. 401 without a
/// signed-in caller, 403 without the role; other routes are untouched.
/// </summary>
public sealed partial class AdminAccessMiddleware(IOptionsMonitor<PayoutsOptions> options, ILogger<AdminAccessMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, bool> AdminEntryPoints = new(StringComparer.Ordinal);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var admin = options.CurrentValue.Admin;
        if (!admin.RequireEntraRole || context.GetHttpContext() is not { } http || !IsAdminRoute(context.FunctionDefinition.EntryPoint))
        {
            await next(context);
            return;
        }

        var principal = EntraPrincipal.Parse(http.Request.Headers[EntraPrincipal.HeaderName].ToString());
        if (principal is not null && principal.HasRole(admin.OperatorRole))
        {
            await next(context);
            return;
        }

        var problem = principal is null
            ? ProblemResult.Unauthorized("Admin routes need an Entra ID access token (Authorization: Bearer) as well as the master key.")
            : ProblemResult.Forbidden($"The signed-in caller does not hold the '{admin.OperatorRole}' app role.");
        LogRefused(logger, context.FunctionDefinition.Name, problem.Status);
        await problem.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
    }

    /// <summary>Whether the function at <paramref name="entryPoint"/> ("Namespace.Type.Method") is HTTP-triggered at admin level.</summary>
    public static bool IsAdminRoute(string entryPoint) => AdminEntryPoints.GetOrAdd(entryPoint, static e =>
    {
        var dot = e.LastIndexOf('.');
        var method = dot < 0 ? null : typeof(AdminAccessMiddleware).Assembly.GetType(e[..dot])?.GetMethod(e[(dot + 1)..]);
        return method?.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Any(t => t?.AuthLevel == AuthorizationLevel.Admin) == true;
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin route {FunctionName} refused: {Status} (no Entra ID operator)")]
    private static partial void LogRefused(ILogger logger, string functionName, int status);
}
