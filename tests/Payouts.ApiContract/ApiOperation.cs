using System.Text.Json.Nodes;

namespace Payouts.ApiContract;

/// <summary>One operation of the document: its method (lowercase), path template and the JSON of its definition.</summary>
public sealed record ApiOperation(string Method, string Path, JsonObject Node)
{
    public string Key => $"{Method.ToUpperInvariant()} {Path}";

    public string Location => $"/paths/{ApiContract.Escape(Path)}/{Method}";

    /// <summary>The response documented for <paramref name="status"/> (or its <c>4XX</c>-style range), its <c>$ref</c> followed, with its pointer.</summary>
    public (JsonObject Node, string Location)? Response(int status, JsonNode document)
    {
        var responses = Node["responses"]?.AsObject();
        var key = new[] { status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{status / 100}XX", "default" }.FirstOrDefault(k => responses?.ContainsKey(k) == true);
        if (key is null)
        {
            return null;
        }

        var node = responses![key]!.AsObject();
        var location = $"{Location}/responses/{key}";
        if (node["$ref"]?.GetValue<string>() is { } reference)
        {
            location = reference.TrimStart('#');
            node = location.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate((JsonNode)document, (n, t) => n[t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!).AsObject();
        }

        return (node, location);
    }
}
