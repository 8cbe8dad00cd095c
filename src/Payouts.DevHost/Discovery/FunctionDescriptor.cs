using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.DevHost.Discovery;

/// <summary>
/// One <c>[Function]</c> method as the DevHost serves it: its trigger and the trigger's settings, read from the
/// compiled attributes (the same source the Functions SDK generates <c>functions.metadata</c> from).
/// </summary>
public sealed record FunctionDescriptor
{
    public required string Name { get; init; }

    public required MethodInfo Method { get; init; }

    public required TriggerKind Trigger { get; init; }

    /// <summary>The parameter the trigger binds to (the request, the message or the timer info).</summary>
    public required ParameterInfo TriggerParameter { get; init; }

    /// <summary>
    /// By position, not by reference: the runtime caches a method's <see cref="ParameterInfo"/> array lazily and
    /// without a lock, so two threads reflecting at once can hold different instances of the same parameter.
    /// </summary>
    public bool IsTriggerParameter(ParameterInfo parameter) =>
        parameter.Position == TriggerParameter.Position;

    /// <summary>HTTP: lower-case methods as declared; empty means every method.</summary>
    public IReadOnlyList<string> HttpMethods { get; init; } = [];

    /// <summary>HTTP: the route template without the <c>api/</c> prefix (the function name when the attribute has none).</summary>
    public string? Route { get; init; }

    public AuthorizationLevel AuthLevel { get; init; }

    /// <summary>Queue: the queue name as declared (may contain <c>%setting%</c>).</summary>
    public string? QueueName { get; init; }

    /// <summary>Queue: the connection setting name; null means <c>AzureWebJobsStorage</c>.</summary>
    public string? Connection { get; init; }

    /// <summary>Timer: the schedule as declared (may be a <c>%setting%</c>).</summary>
    public string? Schedule { get; init; }

    public bool RunOnStartup { get; init; }

    /// <summary>The entry point in <c>functions.metadata</c> form: <c>Namespace.Class.Method</c>.</summary>
    public string EntryPoint => $"{Method.DeclaringType!.FullName}.{Method.Name}";

    public override string ToString() => Trigger switch
    {
        TriggerKind.HttpTrigger => $"{Name}: {(HttpMethods.Count == 0 ? "ANY" : string.Join(",", HttpMethods).ToUpperInvariant())} /api/{Route} ({AuthLevel})",
        TriggerKind.QueueTrigger => $"{Name}: queue {QueueName}",
        _ => $"{Name}: timer {Schedule}",
    };
}
