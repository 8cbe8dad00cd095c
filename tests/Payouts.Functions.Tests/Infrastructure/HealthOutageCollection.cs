namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>An Azurite of its own that a health test stops mid-test: no other test may share it.</summary>
[CollectionDefinition(Name)]
public sealed class HealthOutageCollection : ICollectionFixture<PayoutsAppFixture>
{
    public const string Name = "health-outage";
}
