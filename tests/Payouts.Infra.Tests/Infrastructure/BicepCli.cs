using System.Diagnostics;
using System.Reflection;

namespace Payouts.Infra.Tests.Infrastructure;

/// <summary>The Bicep CLI from the NuGet package this project references (path recorded at build time).</summary>
public static class BicepCli
{
    public static string ExecutablePath { get; } = Metadata("BicepExe");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>Runs <c>bicep build --stdout</c> on a file under the repository root: the ARM JSON and any diagnostics.</summary>
    public static BicepOutput Build(string relativePath) => Run("build", Path.Combine(RepositoryRoot, relativePath), "--stdout");

    public static BicepOutput Run(params string[] arguments)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Bicep CLI not found at {ExecutablePath}; restore tests/Payouts.Infra.Tests (package Azure.Bicep.CommandLine.linux-x64).");
        }

        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(ExecutablePath).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(ExecutablePath, File.GetUnixFileMode(ExecutablePath) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Bicep CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return new BicepOutput(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing.");
}
