namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// Reference-data history tests get their own Azurite: whether a rate may be published depends on which periods (of
/// any creator) have closed, and the statement tests close periods across many years.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReferenceHistoryCollection : ICollectionFixture<PayoutsAppFixture>
{
    public const string Name = "reference-history";
}
