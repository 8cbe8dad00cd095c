namespace Payouts.Infra.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<RenderedInfra>
{
    public const string Name = "Rendered infra";
}
