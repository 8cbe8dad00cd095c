using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Hosting;
using Payouts.DevHost.Tests.Infrastructure;

namespace Payouts.DevHost.Tests;

/// <summary>
/// Every function the Functions SDK generates into functions.metadata (what Core Tools and Azure serve) is served by the
/// running DevHost the same way: name, trigger, entry point, HTTP route, methods and authorization level, queue name,
/// schedule. A new function class cannot be forgotten; a changed attribute cannot drift.
/// </summary>
[Collection(DevHostCollection.Name)]
public sealed class FunctionsMetadataConformanceTests(DevHostFixture host)
{
    public static TheoryData<string> FunctionNames => [.. FunctionsMetadata.Functions.Select(f => f.Name)];

    [Fact]
    public void Catalog_HasExactlyTheFunctionsOfTheMetadata()
    {
        Assert.NotEmpty(FunctionsMetadata.Functions);
        Assert.Equal(
            FunctionsMetadata.Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
            host.App.Catalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void Function_IsDiscoveredAsTheMetadataDeclaresIt(string name)
    {
        var expected = FunctionsMetadata.Functions.Single(f => f.Name == name);
        var actual = host.App.Catalog[name];

        Assert.Equal(expected.EntryPoint, actual.EntryPoint);
        Assert.Equal(expected.Type, char.ToLowerInvariant(actual.Trigger.ToString()[0]) + actual.Trigger.ToString()[1..]);
        switch (actual.Trigger)
        {
            case TriggerKind.HttpTrigger:
                Assert.Equal(expected.AuthLevel, actual.AuthLevel.ToString());
                Assert.Equal(expected.Methods, actual.HttpMethods.Order(StringComparer.Ordinal));
                Assert.Equal(expected.Route ?? name, actual.Route);
                break;
            case TriggerKind.QueueTrigger:
                Assert.Equal(expected.QueueName, actual.QueueName);
                Assert.Equal(expected.Connection, actual.Connection);
                break;
            case TriggerKind.TimerTrigger:
                Assert.Equal(expected.Schedule, actual.Schedule);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void Function_IsServedByTheRunningHost(string name)
    {
        var expected = FunctionsMetadata.Functions.Single(f => f.Name == name);
        var configuration = host.App.Configuration;
        switch (expected.Type)
        {
            case "httpTrigger":
                var endpoint = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Single(e => e.DisplayName == name);
                Assert.Equal("/api/" + (expected.Route ?? name), endpoint.RoutePattern.RawText);
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Select(m => m.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList() ?? [];
                Assert.Equal(expected.Methods, methods);
                break;
            case "queueTrigger":
                var listener = Assert.Single(host.App.Triggers.Queues, q => q.QueueName == SettingResolver.Resolve(expected.QueueName!, configuration));
                Assert.NotNull(listener);
                break;
            case "timerTrigger":
                var timer = host.App.Triggers.Timers[name];
                Assert.Equal(SettingResolver.Resolve(expected.Schedule!, configuration), timer.Schedule.Expression);
                break;
            default:
                Assert.Fail($"{name}: the DevHost does not serve {expected.Type} functions.");
                break;
        }
    }

    [Fact]
    public void SampleSettings_DefineEverySettingTheMetadataNames()
    {
        var sample = DevHostConfiguration.ReadValues(DevHostConfiguration.FindSample()!);
        var named = FunctionsMetadata.Functions
            .SelectMany(f => new[] { f.Schedule, f.QueueName, f.Connection })
            .OfType<string>()
            .SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, "%([^%]+)%").Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, setting => Assert.True(sample.ContainsKey(setting.Replace("__", ":", StringComparison.Ordinal)), $"local.settings.sample.json lacks {setting}"));
    }
}
