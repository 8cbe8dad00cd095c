using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Payouts.Reliability.Tests;

/// <summary>
/// The DevHost as a real OS process serving the Functions app against a given storage account, so a test can kill it
/// the hard way (SIGKILL: no shutdown code runs) and start another on the same storage.
/// </summary>
public sealed class DevHostProcess : IAsyncDisposable
{
    /// <summary>The keys this test's DevHosts are started with (a DevHost without them makes up random ones per run).</summary>
    public const string FunctionKey = "reliability-function-key-7f3c2a91";
    public const string MasterKey = "reliability-master-key-0b8e4d56";

    private readonly Process _process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log;

    private DevHostProcess(Process process, Uri baseAddress, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        _process = process;
        BaseAddress = baseAddress;
        _log = log;
    }

    /// <summary>The host's last output lines, for a failing test's message.</summary>
    public string RecentLog => string.Join("\n", _log);

    public Uri BaseAddress { get; }

    /// <summary>Starts a DevHost on <paramref name="storageConnection"/>, or on an Azurite of its own when it is null.</summary>
    public static async Task<DevHostProcess> StartAsync(string? storageConnection, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Metadata("RepositoryRoot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(Metadata("DevHostOutput"), "Payouts.DevHost.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (storageConnection is null)
        {
            start.Environment.Remove("AzureWebJobsStorage");
        }
        else
        {
            start.Environment["AzureWebJobsStorage"] = storageConnection;
        }

        start.Environment["DevHost__FunctionKey"] = FunctionKey;
        start.Environment["DevHost__MasterKey"] = MasterKey;
        start.Environment["DevHost__QueueMessageLease"] = "00:00:05";
        start.Environment["Payouts__StatementLease"] = "00:00:05";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => Keep(log, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new DevHostProcess(process, new Uri($"http://127.0.0.1:{port}/api/"), log);
        await host.WaitUntilServingAsync();
        return host;
    }

    /// <summary>SIGKILL: the process gets no chance to finish, flush or clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The host's direct child processes (the Azurite it started, if any).</summary>
    public IReadOnlyList<int> ChildProcessIds() =>
        Directory.EnumerateDirectories($"/proc/{_process.Id}/task")
            .SelectMany(thread => File.ReadAllText(Path.Combine(thread, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>SIGTERM, as a service manager stops it; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The DevHost exited with code {_process.ExitCode} while starting.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        throw new TimeoutException("The DevHost did not start serving within 90 s.");
    }

    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 200)
        {
            log.TryDequeue(out _);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(DevHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
