using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Payouts.DevHost.Discovery;

namespace Payouts.DevHost.Invocation;

/// <summary>
/// Runs one invocation the way the isolated worker does: the function class is created for the invocation with
/// <see cref="ActivatorUtilities"/> from the app's container, the app's worker middleware (every
/// <see cref="IFunctionsWorkerMiddleware"/> of the Functions assembly) wraps the call, parameters are bound by trigger
/// and by name, and an HTTP function's <see cref="IActionResult"/> is executed on the response.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly List<Type> _middleware;

    public FunctionInvoker(FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var assemblies = catalog.Functions.Select(f => f.Method.DeclaringType!.Assembly).Distinct();
        _middleware = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFunctionsWorkerMiddleware).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The worker middleware types every invocation runs through, outermost first.</summary>
    public IReadOnlyList<Type> Middleware => _middleware;

    /// <summary>Runs the function; exceptions propagate (the queue listener retries and poisons on them).</summary>
    public async Task InvokeAsync(FunctionDescriptor function, InvocationInput input, IServiceProvider services, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(input);
        var context = new DevHostFunctionContext(function, services, input.Http, ct);
        FunctionExecutionDelegate pipeline = c => ExecuteAsync(function, input, c, ct);
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            var middleware = (IFunctionsWorkerMiddleware)ActivatorUtilities.CreateInstance(services, _middleware[i]);
            var next = pipeline;
            pipeline = c => middleware.Invoke(c, next);
        }

        await pipeline(context);
    }

    /// <summary>Parameters the DevHost cannot bind, so a function it could not call is found at start and by the tests.</summary>
    public static IEnumerable<string> UnbindableParameters(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var routeNames = function.Route is null ? [] : RouteParameterNames(function.Route);
        foreach (var parameter in function.Method.GetParameters())
        {
            var type = parameter.ParameterType;
            var bindable = function.IsTriggerParameter(parameter)
                ? TriggerTypes(function.Trigger).Contains(type)
                : type == typeof(CancellationToken) || type == typeof(FunctionContext)
                  || (function.Trigger == TriggerKind.HttpTrigger && routeNames.Contains(parameter.Name!) && IsSimple(type));
            if (!bindable)
            {
                yield return $"{function.Name}: parameter '{parameter.Name}' of type {type.Name}";
            }
        }
    }

    private static async Task ExecuteAsync(FunctionDescriptor function, InvocationInput input, FunctionContext context, CancellationToken ct)
    {
        var method = function.Method;
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.InstanceServices, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(p => Bind(function, p, input, context, ct)).ToArray();
            object? returned;
            try
            {
                returned = method.Invoke(instance, arguments);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }

            var result = await UnwrapAsync(returned);
            if (input.Http is { } http)
            {
                await WriteHttpResultAsync(http, result);
            }
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Bind(FunctionDescriptor function, ParameterInfo parameter, InvocationInput input, FunctionContext context, CancellationToken ct)
    {
        var type = parameter.ParameterType;
        if (type == typeof(CancellationToken))
        {
            return ct;
        }

        if (type == typeof(FunctionContext))
        {
            return context;
        }

        if (function.IsTriggerParameter(parameter))
        {
            return function.Trigger switch
            {
                TriggerKind.HttpTrigger when type == typeof(HttpContext) => input.Http,
                TriggerKind.HttpTrigger => input.Http!.Request,
                TriggerKind.QueueTrigger when type == typeof(string) => input.Message!.Body.ToString(),
                TriggerKind.QueueTrigger when type == typeof(BinaryData) => input.Message!.Body,
                TriggerKind.QueueTrigger when type == typeof(byte[]) => input.Message!.Body.ToArray(),
                TriggerKind.QueueTrigger => input.Message,
                _ => input.Timer,
            };
        }

        if (input.Http?.Request.RouteValues.TryGetValue(parameter.Name!, out var value) == true && value is not null)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            return type == typeof(string) ? text : TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text!);
        }

        if (input.Http is not null && (type == typeof(string) || Nullable.GetUnderlyingType(type) is not null || !type.IsValueType))
        {
            return null;
        }

        throw new InvalidOperationException($"The DevHost cannot bind parameter '{parameter.Name}' of {function.Name}.");
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult" ? result.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                var valueTaskType = returned.GetType();
                if (valueTaskType.IsGenericType && valueTaskType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)valueTaskType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                    return await UnwrapAsync(asTask);
                }

                return returned;
        }
    }

    private static async Task WriteHttpResultAsync(HttpContext http, object? result)
    {
        var actionResult = result switch
        {
            IActionResult action => action,
            null => new OkResult(),
            string text => new ContentResult { Content = text, ContentType = "text/plain; charset=utf-8", StatusCode = StatusCodes.Status200OK },
            var other => new ObjectResult(other) { StatusCode = StatusCodes.Status200OK },
        };
        await actionResult.ExecuteResultAsync(new ActionContext(http, http.GetRouteData() ?? new RouteData(), new ActionDescriptor()));
    }

    private static Type[] TriggerTypes(TriggerKind trigger) => trigger switch
    {
        TriggerKind.HttpTrigger => [typeof(HttpRequest), typeof(HttpContext)],
        TriggerKind.QueueTrigger => [typeof(QueueMessage), typeof(string), typeof(BinaryData), typeof(byte[])],
        _ => [typeof(TimerInfo)],
    };

    private static bool IsSimple(Type type) =>
        type == typeof(string) || (Nullable.GetUnderlyingType(type) ?? type) is { IsPrimitive: true } or { IsEnum: true }
        || (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid) || (Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal);

    private static HashSet<string> RouteParameterNames(string route)
    {
        var parsed = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(route);
        return parsed.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
