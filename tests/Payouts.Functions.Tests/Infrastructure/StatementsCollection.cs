namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// Statement tests get their own Azurite: they move the clock and close periods, which are global. Each test works in
/// periods no other test uses, and sets the clock it needs first (tests of one collection run one after another).
/// </summary>
[CollectionDefinition(Name)]
public sealed class StatementsCollection : ICollectionFixture<PayoutsAppFixture>
{
    public const string Name = "statements";
}
