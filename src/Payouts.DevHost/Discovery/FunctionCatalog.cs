using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Payouts.DevHost.Discovery;

/// <summary>
/// Every <c>[Function]</c> method of an assembly with its trigger, found by reflection: a new function class in
/// Payouts.Functions is served by the DevHost without any change here. A trigger the DevHost cannot serve is an error
/// at start, never a silently missing function.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<FunctionDescriptor> Of(TriggerKind trigger) => Functions.Where(f => f.Trigger == trigger);

    public FunctionDescriptor this[string name] =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No function named '{name}'.");

    /// <summary>The functions of the Payouts Functions app.</summary>
    public static FunctionCatalog ForPayoutsFunctions() => Discover(typeof(Functions.PayoutsFunctionsRegistration).Assembly);

    public static FunctionCatalog Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<FunctionDescriptor>();
        var problems = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } || t is { IsAbstract: true, IsSealed: true }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                if (Describe(function.Name, method) is { } descriptor)
                {
                    functions.Add(descriptor);
                    problems.AddRange(Invocation.FunctionInvoker.UnbindableParameters(descriptor));
                }
                else
                {
                    problems.Add($"{type.FullName}.{method.Name} ({function.Name}): no HTTP, queue or timer trigger parameter the DevHost can serve");
                }
            }
        }

        var duplicates = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        problems.AddRange(duplicates.Select(d => $"function name '{d}' is used more than once"));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The DevHost cannot serve every function:\n  " + string.Join("\n  ", problems));
        }

        return new FunctionCatalog(functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    private static FunctionDescriptor? Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new FunctionDescriptor
                {
                    Name = name,
                    Method = method,
                    Trigger = TriggerKind.HttpTrigger,
                    TriggerParameter = parameter,
                    HttpMethods = (http.Methods ?? []).Select(m => m.ToLowerInvariant()).ToList(),
                    Route = string.IsNullOrEmpty(http.Route) ? name : http.Route.TrimStart('/'),
                    AuthLevel = http.AuthLevel,
                };
            }

            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                return new FunctionDescriptor
                {
                    Name = name,
                    Method = method,
                    Trigger = TriggerKind.QueueTrigger,
                    TriggerParameter = parameter,
                    QueueName = queue.QueueName,
                    Connection = queue.Connection,
                };
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor
                {
                    Name = name,
                    Method = method,
                    Trigger = TriggerKind.TimerTrigger,
                    TriggerParameter = parameter,
                    Schedule = timer.Schedule,
                    RunOnStartup = timer.RunOnStartup,
                };
            }
        }

        return null;
    }
}
