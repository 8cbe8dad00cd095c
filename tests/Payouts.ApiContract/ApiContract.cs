using System.Text.Json.Nodes;
using Json.Schema;
using Payouts.Functions.OpenApi;
using SharpYaml.Serialization;

namespace Payouts.ApiContract;

/// <summary>
/// docs/openapi.yaml, exactly as Payouts.Functions embeds and serves it, as JSON: its operations by method and path,
/// and the checks of an answer against the response the document gives for that operation, status and media type.
/// Response schemas are evaluated with JsonSchema.Net (2020-12, formats asserted), each as one schema resource whose
/// <c>$defs</c> are the document's component schemas (JsonSchema.Net resolves one level of <c>$ref</c> into a plain
/// JSON document, not a <c>$ref</c> inside what it found there).
/// </summary>
public sealed class ApiContract
{
    private const string ComponentSchemas = "#/components/schemas/";
    private static readonly Lazy<ApiContract> Embedded = new(() => new ApiContract(OpenApiDocument.Current.Content));
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private ApiContract(byte[] yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(new MemoryStream(yaml)))
        {
            stream.Load(reader);
        }

        Document = Microsoft.OpenApi.YamlReader.YamlConverter.ToJsonNode(stream.Documents[0].RootNode)
            ?? throw new InvalidDataException("docs/openapi.yaml is empty.");
        Operations = [.. Document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => Methods.Contains(op.Key, StringComparer.Ordinal))
                .Select(op => new ApiOperation(op.Key, path.Key, op.Value!.AsObject())))];
    }

    public static ApiContract Current => Embedded.Value;

    /// <summary>The whole document as JSON.</summary>
    public JsonNode Document { get; }

    public IReadOnlyList<ApiOperation> Operations { get; }

    public ApiOperation? Find(string method, string path) =>
        Operations.SingleOrDefault(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase) && o.Path == path);

    /// <summary>
    /// Everything wrong with an answer of <paramref name="method"/> <paramref name="path"/> (a path template such as
    /// <c>/api/statements/{statementId}</c>): an undocumented operation, status or media type, a body where none is
    /// documented, or a JSON body its schema refuses (each refusal with its instance path). Empty when it conforms.
    /// </summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? contentType, string body)
    {
        var where = $"{method.ToUpperInvariant()} {path} → {status}";
        if (Find(method, path) is not { } operation)
        {
            return [$"{where}: docs/openapi.yaml has no such operation"];
        }

        if (operation.Response(status, Document) is not { } response)
        {
            return [$"{where}: the operation documents no {status} response"];
        }

        var content = response.Node["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            return body.Length == 0 ? [] : [$"{where}: a body was sent, but none is documented"];
        }

        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant() ?? string.Empty;
        if (!content.ContainsKey(mediaType))
        {
            return [$"{where}: media type '{mediaType}' is not documented (documented: {string.Join(", ", content.Select(c => c.Key))})"];
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || content[mediaType]?["schema"] is null)
        {
            return body.Length > 0 ? [] : [$"{where}: the {mediaType} body is empty"];
        }

        JsonNode? instance;
        try
        {
            instance = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return [$"{where}: the body is not JSON ({ex.Message})"];
        }

        var pointer = $"{response.Location}/content/{Escape(mediaType)}/schema";
        var results = SchemaAt(pointer).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : [.. results.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{where}: {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Distinct()];
    }

    /// <summary>
    /// Every JSON example of the document with the schema it illustrates: request and response bodies (examples named
    /// in components followed) and schemas' own <c>example</c>, each once.
    /// </summary>
    public IEnumerable<(string Where, string SchemaLocation, JsonNode? Value)> JsonExamples()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bodies = Operations.SelectMany(o =>
            new[] { (o.Node["requestBody"]?.AsObject(), o.Location + "/requestBody") }
                .Concat(o.Node["responses"]!.AsObject().Select(r => int.TryParse(r.Key, out var status) && o.Response(status, Document) is { } found ? (found.Node, found.Location) : ((JsonObject?)null, string.Empty))));
        foreach (var (body, location) in bodies)
        {
            foreach (var (mediaType, content) in body?["content"]?.AsObject() ?? [])
            {
                var contentLocation = $"{location}/content/{Escape(mediaType)}";
                if (!mediaType.EndsWith("json", StringComparison.Ordinal) || !seen.Add(contentLocation))
                {
                    continue;
                }

                if (content!.AsObject().TryGetPropertyValue("example", out var example))
                {
                    yield return (contentLocation + "/example", contentLocation + "/schema", example);
                }

                foreach (var (name, named) in content["examples"]?.AsObject() ?? [])
                {
                    var value = named!["$ref"]?.GetValue<string>() is { } reference ? Document["components"]!["examples"]![reference.Split('/')[^1]]!["value"] : named["value"];
                    yield return ($"{contentLocation}/examples/{name}", contentLocation + "/schema", value);
                }
            }
        }

        foreach (var (name, schema) in Document["components"]!["schemas"]!.AsObject())
        {
            if (schema!.AsObject().TryGetPropertyValue("example", out var example))
            {
                yield return ($"/components/schemas/{name}/example", $"/components/schemas/{name}", example);
            }
        }
    }

    /// <summary>A JSON pointer token: <c>~</c> and <c>/</c> escaped.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The schema at a JSON pointer into the document, with every component schema beside it under <c>$defs</c>; built once.</summary>
    public JsonSchema SchemaAt(string location)
    {
        lock (_gate)
        {
            if (!_schemas.TryGetValue(location, out var schema))
            {
                var root = Rewritten(location.Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Aggregate(Document, (node, token) => node[token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                        ?? throw new ArgumentException($"docs/openapi.yaml has nothing at {location}.", nameof(location)))).AsObject();
                root["$schema"] = MetaSchemas.Draft202012Id.ToString();
                root["$defs"] = Rewritten(Document["components"]!["schemas"]!);
                schema = JsonSchema.FromText(root.ToJsonString());
                _schemas[location] = schema;
            }

            return schema;
        }
    }

    /// <summary>A copy whose <c>$ref</c>s to component schemas point at <c>$defs</c>; any other reference is a document this class cannot read.</summary>
    private static JsonNode Rewritten(JsonNode node)
    {
        var copy = node.DeepClone();
        Visit(copy);
        return copy;

        static void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["$ref"] is JsonValue reference)
                    {
                        var target = reference.GetValue<string>();
                        obj["$ref"] = target.StartsWith(ComponentSchemas, StringComparison.Ordinal)
                            ? "#/$defs/" + target[ComponentSchemas.Length..]
                            : throw new NotSupportedException($"A schema $ref must name a component schema ({ComponentSchemas}…), not '{target}'.");
                    }

                    foreach (var (_, child) in obj.ToList())
                    {
                        Visit(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Visit(child);
                    }

                    break;
            }
        }
    }
}
