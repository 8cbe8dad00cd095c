namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>All integration tests share one Azurite: starting it is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<PayoutsAppFixture>
{
    public const string Name = "app";
}
