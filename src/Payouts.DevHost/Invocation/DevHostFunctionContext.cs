using System.Collections;
using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payouts.DevHost.Discovery;

namespace Payouts.DevHost.Invocation;

/// <summary>
/// The <see cref="FunctionContext"/> of one DevHost invocation, enough for the app's worker middleware: the function's
/// name and invocation id, the invocation's services, and the HTTP context under the key the ASP.NET Core
/// integration uses, so <c>context.GetHttpContext()</c> works as it does in the Functions host.
/// </summary>
internal sealed class DevHostFunctionContext : FunctionContext
{
    /// <summary>Where <c>FunctionContextExtensions.GetHttpContext</c> looks (Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore).</summary>
    public const string HttpContextKey = "HttpRequestContext";

    public DevHostFunctionContext(FunctionDescriptor function, IServiceProvider services, HttpContext? http, CancellationToken cancellationToken)
    {
        FunctionDefinition = new Definition(function);
        InstanceServices = services;
        CancellationToken = cancellationToken;
        Items = new Dictionary<object, object>();
        if (http is not null)
        {
            Items[HttpContextKey] = http;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext { get; } = new Trace();

    public override BindingContext BindingContext { get; } = new Bindings();

    public override RetryContext RetryContext { get; } = new Retry();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; }

    public override IInvocationFeatures Features { get; } = new FeatureSet();

    public override CancellationToken CancellationToken { get; }

    private sealed class Definition(FunctionDescriptor function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } = [];

        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => function.EntryPoint;

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }

    private sealed class Trace : TraceContext
    {
        public override string TraceParent => string.Empty;

        public override string TraceState => string.Empty;
    }

    private sealed class Bindings : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
    }

    private sealed class Retry : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class FeatureSet : IInvocationFeatures
    {
        private readonly Dictionary<Type, object> _features = [];

        public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

        public void Set<T>(T instance)
        {
            if (instance is null)
            {
                _features.Remove(typeof(T));
            }
            else
            {
                _features[typeof(T)] = instance;
            }
        }

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
