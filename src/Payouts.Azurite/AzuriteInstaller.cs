using System.Diagnostics;

namespace Payouts.Azurite;

/// <summary>
/// Installs the pinned Azurite (<c>npm ci</c> in tools/) on first use. A lock file serialises installs across
/// processes, so two test assemblies starting together do not both run npm.
/// </summary>
internal static class AzuriteInstaller
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    public static string FindToolsDirectory(string? configured)
    {
        if (configured is not null)
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tools/package.json was not found above " + AppContext.BaseDirectory + "; set AzuriteOptions.ToolsDirectory.");
    }

    public static string Executable(string tools) => Path.Combine(tools, "node_modules", ".bin", "azurite");

    public static async Task EnsureInstalledAsync(string tools, CancellationToken ct)
    {
        if (File.Exists(Executable(tools)))
        {
            return;
        }

        await InProcess.WaitAsync(ct);
        try
        {
            await using var crossProcess = await AcquireFileLockAsync(Path.Combine(tools, ".install.lock"), ct);
            if (File.Exists(Executable(tools)))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--prefix", tools])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm could not be started: is Node.js installed?");
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {tools} failed ({process.ExitCode}): {await errors}{await output}");
            }
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(250, ct);
            }
        }
    }
}
