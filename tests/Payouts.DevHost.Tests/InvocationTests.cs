using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Invocation;
using Payouts.Functions.Http;

namespace Payouts.DevHost.Tests;

public sealed class InvocationTests
{
    [Fact]
    public void Invoker_RunsTheAppsWorkerMiddleware()
    {
        var invoker = new FunctionInvoker(FunctionCatalog.ForPayoutsFunctions());

        Assert.Contains(typeof(HttpProblemMiddleware), invoker.Middleware);
    }

    [Fact]
    public void FunctionContext_GivesTheMiddlewareItsHttpContext()
    {
        var http = new DefaultHttpContext();
        var function = FunctionCatalog.ForPayoutsFunctions().Of(TriggerKind.HttpTrigger).First();

        var context = new DevHostFunctionContext(function, http.RequestServices, http, CancellationToken.None);

        Assert.Same(http, context.GetHttpContext());
        Assert.Equal(function.Name, context.FunctionDefinition.Name);
    }

    [Fact]
    public void Catalog_EveryParameterIsBindable()
    {
        Assert.All(FunctionCatalog.ForPayoutsFunctions().Functions, f => Assert.Empty(FunctionInvoker.UnbindableParameters(f)));
    }

    [Fact]
    public void Catalog_MatchesTheTriggerParameterByPosition_NotByInstance()
    {
        // Reflection hands concurrent callers different ParameterInfo instances for the same parameter (CI found it).
        Assert.All(FunctionCatalog.ForPayoutsFunctions().Functions, f =>
        {
            var sameParameterOtherInstance = f with { TriggerParameter = new DetachedParameter(f.TriggerParameter) };
            Assert.Empty(FunctionInvoker.UnbindableParameters(sameParameterOtherInstance));
        });
    }
}

/// <summary>A distinct <see cref="System.Reflection.ParameterInfo"/> instance describing the same parameter.</summary>
internal sealed class DetachedParameter : System.Reflection.ParameterInfo
{
    public DetachedParameter(System.Reflection.ParameterInfo original)
    {
        ClassImpl = original.ParameterType;
        NameImpl = original.Name;
        PositionImpl = original.Position;
        MemberImpl = original.Member;
        AttrsImpl = original.Attributes;
    }
}
