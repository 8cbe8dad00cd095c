namespace Payouts.DevHost.Tests.Infrastructure;

/// <summary>Tests that share one running DevHost (and its Azurite).</summary>
[CollectionDefinition(Name)]
public sealed class DevHostCollection : ICollectionFixture<DevHostFixture>
{
    public const string Name = "devhost";
}
