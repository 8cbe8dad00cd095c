using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Payouts.Azurite;

/// <summary>
/// A running Azurite on free ports (it binds port 0 and reports the real ports in its log, which we read back).
/// Disposing it, or this process exiting, stops it and its child processes.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>The well-known development account key every Azurite accepts: not a secret.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;

    private AzuriteServer(Process process, ConcurrentQueue<string> log, Uri blob, Uri queue, Uri table)
    {
        _process = process;
        _log = log;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public static async Task<AzuriteServer> StartAsync(AzuriteOptions options, CancellationToken ct)
    {
        var tools = AzuriteInstaller.FindToolsDirectory(options.ToolsDirectory);
        if (options.DataDirectory is { } data)
        {
            Directory.CreateDirectory(data);
        }

        await AzuriteInstaller.EnsureInstalledAsync(tools, ct);

        var start = new ProcessStartInfo(AzuriteInstaller.Executable(tools))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = options.DataDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in Arguments(options))
        {
            start.ArgumentList.Add(argument);
        }

        var log = new ConcurrentQueue<string>();
        var endpoints = new ConcurrentDictionary<string, Uri>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };

        // Drain both pipes continuously: a full pipe would stall Azurite.
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            log.Enqueue(line);
            while (log.Count > 200 && log.TryDequeue(out _))
            {
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                endpoints[match.Groups["service"].Value] = new Uri(match.Groups["url"].Value.TrimEnd('/') + "/" + AccountName);
                if (endpoints.Count == 3)
                {
                    ready.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("Azurite exited during start:\n" + string.Join("\n", log)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(options.StartTimeout, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            Kill(process);
            throw new InvalidOperationException($"Azurite did not report its three ports within {options.StartTimeout}:\n{string.Join("\n", log)}", ex);
        }

        return new AzuriteServer(process, log, endpoints["Blob"], endpoints["Queue"], endpoints["Table"]);
    }

    /// <summary>The last lines Azurite printed, for error messages.</summary>
    public string RecentLog => string.Join("\n", _log);

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM), so a persisted store (<see cref="AzuriteOptions.DataDirectory"/>)
    /// is saved: Azurite writes its table database lazily, and a killed Azurite loses recent writes that real Azure
    /// storage would never lose. Falls back to killing it after <paramref name="timeout"/>.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!OperatingSystem.IsWindows() && !_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: DisposeAsync kills it.
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static IEnumerable<string> Arguments(AzuriteOptions options)
    {
        var (blob, queue, table) = options.Ports ?? (0, 0, 0);
        string[] ports =
        [
            "--blobHost", "127.0.0.1", "--blobPort", Port(blob), "--queueHost", "127.0.0.1", "--queuePort", Port(queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(table),
        ];
        string[] flags = ["--skipApiVersionCheck", "--disableTelemetry", "--loose"];
        string[] storage = options.DataDirectory is { } dir ? ["--location", dir] : ["--inMemoryPersistence"];
        return ports.Concat(flags).Concat(storage);
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill(_process);

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}
