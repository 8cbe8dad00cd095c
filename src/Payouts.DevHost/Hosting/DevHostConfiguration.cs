using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Payouts.DevHost.Hosting;

/// <summary>
/// The DevHost's settings, lowest layer first: local.settings.sample.json's <c>Values</c> (every setting the app reads,
/// with local defaults; its storage setting is left out so the DevHost starts Azurite), the caller's settings,
/// local.settings.json's <c>Values</c>, environment variables, the command line. <c>__</c> separates levels, as in app settings.
/// </summary>
public static class DevHostConfiguration
{
    public const string SampleFileName = "local.settings.sample.json";
    public const string LocalFileName = "local.settings.json";

    public static ConfigurationManager Build(DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = new ConfigurationManager();
        if (FindSample() is { } sample)
        {
            configuration.AddInMemoryCollection(ReadValues(sample).Where(kv => !IsStorageSetting(kv.Key)));
        }

        configuration.AddInMemoryCollection(options.Settings);
        if (options.SettingsFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"Settings file {file} does not exist.", file);
            }

            configuration.AddInMemoryCollection(ReadValues(file));
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine([.. options.CommandLine]);
        return configuration;
    }

    /// <summary>A local.settings.json in the current folder, else the Functions project's (the one <c>func start</c> reads).</summary>
    public static string? FindLocalSettings()
    {
        var here = Path.Combine(Directory.GetCurrentDirectory(), LocalFileName);
        if (File.Exists(here))
        {
            return here;
        }

        var root = RepositoryRoot();
        var functions = root is null ? null : Path.Combine(root, "src", "Payouts.Functions", LocalFileName);
        return functions is not null && File.Exists(functions) ? functions : null;
    }

    /// <summary>The <c>Values</c> of a local.settings.json, keys in configuration form (<c>A__B</c> → <c>A:B</c>).</summary>
    public static Dictionary<string, string?> ReadValues(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }

        return values;
    }

    public static string? FindSample()
    {
        var local = Path.Combine(AppContext.BaseDirectory, SampleFileName);
        if (File.Exists(local))
        {
            return local;
        }

        return RepositoryRoot() is { } root && File.Exists(Path.Combine(root, SampleFileName)) ? Path.Combine(root, SampleFileName) : null;
    }

    public static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Payouts.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static bool IsStorageSetting(string key) =>
        key.Equals("AzureWebJobsStorage", StringComparison.OrdinalIgnoreCase) || key.StartsWith("AzureWebJobsStorage:", StringComparison.OrdinalIgnoreCase);
}
