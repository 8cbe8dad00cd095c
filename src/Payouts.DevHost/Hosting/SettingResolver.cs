using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Payouts.DevHost.Hosting;

/// <summary>Resolves the host's <c>%Setting%</c> placeholders (in schedules, queue names) from configuration, as the Functions host does.</summary>
public static partial class SettingResolver
{
    public static string Resolve(string text, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            return Lookup(configuration, name)
                ?? throw new InvalidOperationException($"'{text}' names the setting '{name}', which is not configured (set it in local.settings.json, the environment as '{name.Replace(":", "__", StringComparison.Ordinal)}', or the command line).");
        });
    }

    /// <summary>A setting by its Functions name: <c>A:B</c>, <c>A__B</c> and <c>A.B</c> spellings are the same setting.</summary>
    public static string? Lookup(IConfiguration configuration, string name)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[name.Replace("__", ":", StringComparison.Ordinal)];
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary><c>AzureWebJobs.&lt;FunctionName&gt;.Disabled</c>: the host's switch to turn a function off.</summary>
    public static bool IsDisabled(IConfiguration configuration, string functionName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[$"AzureWebJobs.{functionName}.Disabled"] ?? configuration[$"AzureWebJobs:{functionName}:Disabled"];
        return value is not null && (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1");
    }

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Placeholder();
}
