using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Payouts.Infra.Tests.Infrastructure;

/// <summary>
/// A compiled ARM template (languageVersion 2.0 keeps resources by symbolic name; 1.0 as a list) and the nested
/// templates of its modules. Resolves the simple expressions the assertions need: <c>[variables('x')]</c>.
/// </summary>
public sealed partial class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("Not a JSON object.", nameof(json)));

    public IEnumerable<JsonObject> Resources => Root["resources"] switch
    {
        JsonObject bySymbol => bySymbol.Select(p => p.Value!.AsObject()),
        JsonArray list => list.Select(r => r!.AsObject()),
        _ => [],
    };

    public JsonObject Variables => Root["variables"]?.AsObject() ?? [];

    public JsonObject Parameters => Root["parameters"]?.AsObject() ?? [];

    public JsonObject Outputs => Root["outputs"]?.AsObject() ?? [];

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module deployment with this (literal) deployment name.</summary>
    public JsonObject Module(string deploymentName) =>
        ResourcesOfType("Microsoft.Resources/deployments").SingleOrDefault(d => (string?)d["name"] == deploymentName)
        ?? throw new KeyNotFoundException($"No module deployment named '{deploymentName}'.");

    public ArmTemplate ModuleTemplate(string deploymentName) => new(Module(deploymentName)["properties"]!["template"]!.AsObject());

    /// <summary>The value a module deployment passes for one of its parameters, with variables resolved.</summary>
    public JsonNode? ModuleParameter(string deploymentName, string parameter) =>
        Resolve(Module(deploymentName)["properties"]!["parameters"]?[parameter]?["value"]);

    /// <summary>
    /// An expression with module output references in one spelling, whatever the language version:
    /// <c>reference(resourceId('Microsoft.Resources/deployments', 'x'), '…')</c> and <c>reference('symbol')</c> both become
    /// <c>module('x')</c>, x being the deployment name.
    /// </summary>
    public string Canonical(JsonNode? value)
    {
        var text = value?.ToString() ?? string.Empty;
        text = DeploymentReference().Replace(text, m => $"module('{m.Groups[1].Value}')");
        return SymbolicReference().Replace(text, m => $"module('{DeploymentName(m.Groups[1].Value)}')");
    }

    /// <summary>The deployment names a module deployment depends on.</summary>
    public IReadOnlyList<string> ModuleDependencies(string deploymentName) =>
        (Module(deploymentName)["dependsOn"]?.AsArray() ?? [])
        .Select(d => (string)d!)
        .Select(d => DeploymentId().Match(d) is { Success: true } m ? m.Groups[1].Value : DeploymentName(d))
        .ToList();

    /// <summary>
    /// A property loop (<c>"copy": [{ "name": p, "count": …, "input": … }]</c> inside <paramref name="owner"/>) expanded
    /// for the given parameter values, the way Resource Manager does at deployment. Only the shape Bicep emits for
    /// <c>[for x in param: {…}]</c> is understood: count <c>[length(parameters('x'))]</c>, input values that are literals
    /// or <c>[parameters('x')[copyIndex('p')]]</c>; anything else throws, so a changed template fails loudly.
    /// </summary>
    public static JsonArray ExpandPropertyLoop(JsonNode owner, string property, IReadOnlyDictionary<string, JsonArray> parameterValues)
    {
        var loop = owner["copy"]?.AsArray().Select(c => c!.AsObject()).SingleOrDefault(c => (string?)c["name"] == property)
            ?? throw new KeyNotFoundException($"No property loop '{property}'.");
        var count = LengthOfParameter().Match((string?)loop["count"] ?? string.Empty);
        if (!count.Success)
        {
            throw new NotSupportedException($"Loop count {loop["count"]} is not [length(parameters('…'))].");
        }

        var items = parameterValues[count.Groups[1].Value];
        var input = loop["input"]!.AsObject();
        var expanded = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var element = new JsonObject();
            foreach (var (name, value) in input)
            {
                element[name] = value is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith('[')
                    ? ParameterElement(text, property, parameterValues, i)
                    : value?.DeepClone();
            }

            expanded.Add(element);
        }

        return expanded;
    }

    /// <summary>This template and every nested one, depth first.</summary>
    public IEnumerable<ArmTemplate> SelfAndNested()
    {
        yield return this;
        foreach (var deployment in ResourcesOfType("Microsoft.Resources/deployments"))
        {
            if (deployment["properties"]?["template"] is JsonObject nested)
            {
                foreach (var template in new ArmTemplate(nested).SelfAndNested())
                {
                    yield return template;
                }
            }
        }
    }

    /// <summary>Every string in the template, property names included.</summary>
    public IEnumerable<string> AllStrings() => Strings(Root);

    /// <summary><c>[variables('x')]</c> → the variable's value (recursively); anything else as is.</summary>
    public JsonNode? Resolve(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && VariableReference().Match(text) is { Success: true } match
            ? Resolve(Variables[match.Groups[1].Value])
            : value;

    private static IEnumerable<string> Strings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    yield return name;
                    foreach (var s in Strings(value))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonArray array:
                foreach (var s in array.SelectMany(Strings))
                {
                    yield return s;
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return text;
                break;
        }
    }

    private static JsonNode? ParameterElement(string expression, string loop, IReadOnlyDictionary<string, JsonArray> parameterValues, int index)
    {
        var match = ParameterElementOfLoop().Match(expression);
        if (!match.Success || match.Groups[2].Value != loop)
        {
            throw new NotSupportedException($"Loop input {expression} is not [parameters('…')[copyIndex('{loop}')]].");
        }

        return parameterValues[match.Groups[1].Value][index]?.DeepClone();
    }

    private string DeploymentName(string symbol) =>
        Root["resources"] is JsonObject bySymbol && bySymbol[symbol] is JsonObject resource ? (string)resource["name"]! : symbol;

    [GeneratedRegex(@"reference\(resourceId\('Microsoft\.Resources/deployments', '([^']+)'\)(?:, '[^']+')?\)")]
    private static partial Regex DeploymentReference();

    [GeneratedRegex(@"reference\('([^']+)'\)")]
    private static partial Regex SymbolicReference();

    [GeneratedRegex(@"^\[resourceId\('Microsoft\.Resources/deployments', '([^']+)'\)\]$")]
    private static partial Regex DeploymentId();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"^\[length\(parameters\('([^']+)'\)\)\]$")]
    private static partial Regex LengthOfParameter();

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\[copyIndex\('([^']+)'\)\]\]$")]
    private static partial Regex ParameterElementOfLoop();
}
