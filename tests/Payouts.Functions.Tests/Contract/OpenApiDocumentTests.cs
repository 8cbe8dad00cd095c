using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Payouts.Functions.Http;

namespace Payouts.Functions.Tests.Contract;

/// <summary>docs/openapi.yaml as the build embeds it: valid OpenAPI 3.1, every problem type the code answers with documented, every example true to its schema.</summary>
public sealed class OpenApiDocumentTests
{
    private static ApiContract.ApiContract Contract => ApiContract.ApiContract.Current;

    [Fact]
    public async Task Document_ReadsAsOpenApi31_WithoutErrors()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(Functions.OpenApi.OpenApiDocument.Current.Content);

        var result = await Microsoft.OpenApi.OpenApiDocument.LoadAsync(stream, "yaml", settings);

        Assert.Empty(result.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        Assert.NotEmpty(result.Document!.Paths);
    }

    [Fact]
    public void ProblemTypes_TheCodeAnswersWith_AreExactlyThoseTheDocumentLists()
    {
        var documented = Contract.Document["components"]!["schemas"]!["ProblemType"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal(ProblemTypes.All.Select(s => ProblemTypes.Prefix + s).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ProblemTypes_EachHasARowInTheDescriptionsTable()
    {
        var description = Contract.Document["info"]!["description"]!.GetValue<string>();

        Assert.All(ProblemTypes.All, slug => Assert.Contains($"| `{ProblemTypes.Prefix}{slug}` | ", description, StringComparison.Ordinal));
    }

    [Fact]
    public void Examples_PassTheSchemasTheyIllustrate()
    {
        var examples = Contract.JsonExamples().ToList();
        var failures = examples
            .Select(e => (e.Where, Results: Contract.SchemaAt(e.SchemaLocation).Evaluate(e.Value, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List, RequireFormatValidation = true })))
            .Where(e => !e.Results.IsValid)
            .Select(e => $"{e.Where}: {string.Join("; ", e.Results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(x => $"{d.InstanceLocation} {x.Value}")))}")
            .ToList();

        Assert.True(examples.Count > 20, $"only {examples.Count} examples found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Check_AnUndocumentedStatusOrAWrongBody_IsAViolation()
    {
        Assert.NotEmpty(Contract.Check("get", "/api/outbox", 418, "application/json", "{}"));
        Assert.NotEmpty(Contract.Check("get", "/api/outbox", 200, "application/json", """{"pending":"many"}"""));
        Assert.NotEmpty(Contract.Check("get", "/api/outbox", 200, "text/plain", "hello"));
        Assert.NotEmpty(Contract.Check("get", "/api/nowhere", 200, "application/json", "{}"));
        Assert.Empty(Contract.Check("get", "/api/outbox", 200, "application/json; charset=utf-8", """{"pending":0,"deliveries":[]}"""));
    }
}
