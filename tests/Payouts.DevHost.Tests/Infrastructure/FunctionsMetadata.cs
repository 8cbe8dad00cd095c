using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Payouts.DevHost.Tests.Infrastructure;

/// <summary>
/// The <c>functions.metadata</c> the Functions SDK generates when Payouts.Functions builds: what Core Tools and Azure
/// serve. Read from that project's build output (built along with this test project; built here if missing).
/// </summary>
public static class FunctionsMetadata
{
    private static readonly Lazy<List<Entry>> Cached = new(Load);

    public static IReadOnlyList<Entry> Functions => Cached.Value;

    public static string Path { get; private set; } = string.Empty;

    private static List<Entry> Load()
    {
        var output = typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(output, "functions.metadata"));
        if (!File.Exists(Path))
        {
            Build(output);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            string? Text(string name) => trigger.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new Entry(
                function.GetProperty("name").GetString()!,
                function.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text("authLevel"),
                trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array ? methods.EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList() : [],
                Text("route"),
                Text("queueName"),
                Text("connection"),
                Text("schedule"));
        }).ToList();
    }

    private static void Build(string output)
    {
        var project = System.IO.Path.GetFullPath(System.IO.Path.Combine(output, "..", "..", "..", "Payouts.Functions.csproj"));
        var configuration = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(output.TrimEnd('/', '\\') + "/x")!)!);
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", configuration, "--nologo", "-v", "q"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var log = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
        build.WaitForExit();
        if (build.ExitCode != 0 || !File.Exists(Path))
        {
            throw new InvalidOperationException($"Building {project} did not produce {Path}:\n{log}");
        }
    }

    public sealed record Entry(
        string Name, string EntryPoint, string Type, string? AuthLevel, IReadOnlyList<string> Methods, string? Route, string? QueueName, string? Connection, string? Schedule);
}
