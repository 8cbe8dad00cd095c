using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.ApiContract;

/// <summary>An HTTP function's method and path as the document names them, read from its <c>[HttpTrigger]</c>.</summary>
public sealed record FunctionRoute(string Method, string Path)
{
    /// <summary>host.json's <c>extensions.http.routePrefix</c>.</summary>
    public const string RoutePrefix = "/api/";

    public static FunctionRoute Of<TFunction>() => Of(typeof(TFunction));

    public static FunctionRoute Of(Type function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var trigger = function.GetMethods()
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SingleOrDefault() ?? throw new ArgumentException($"{function.Name} is not an HTTP-triggered function.", nameof(function));
        var method = trigger.Methods is [var only] ? only.ToLowerInvariant() : throw new ArgumentException($"{function.Name} must declare exactly one method.", nameof(function));
        return new FunctionRoute(method, RoutePrefix + (trigger.Route ?? function.Name));
    }
}
