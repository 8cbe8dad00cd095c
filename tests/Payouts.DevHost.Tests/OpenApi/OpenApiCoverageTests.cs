using Payouts.ApiContract;
using Payouts.DevHost.Tests.Infrastructure;

namespace Payouts.DevHost.Tests.OpenApi;

/// <summary>
/// docs/openapi.yaml and the build agree on the routes: every HTTP function of functions.metadata (what Core Tools and
/// Azure serve) has its method and path in the document, and the document has no operation the build does not serve.
/// </summary>
public sealed class OpenApiCoverageTests
{
    [Fact]
    public void EveryHttpFunctionOfTheBuild_IsInTheDocument()
    {
        var missing = BuildOperations().Except(DocumentOperations(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"functions.metadata serves routes docs/openapi.yaml does not describe: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryOperationOfTheDocument_IsServedByTheBuild()
    {
        var extra = DocumentOperations().Except(BuildOperations(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.True(extra.Count == 0, $"docs/openapi.yaml describes routes functions.metadata does not have: {string.Join(", ", extra)}");
    }

    private static IEnumerable<string> BuildOperations() =>
        FunctionsMetadata.Functions
            .Where(f => f.Type == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => $"{m.ToUpperInvariant()} {FunctionRoute.RoutePrefix}{f.Route ?? f.Name}"));

    private static IEnumerable<string> DocumentOperations() => ApiContract.ApiContract.Current.Operations.Select(o => o.Key);
}
