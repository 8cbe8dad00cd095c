using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Payouts.Load.Infrastructure;

/// <summary>
/// The Functions app in its own OS process: <c>dotnet Payouts.DevHost.dll serve</c> (the DevHost hosts the app's own
/// function classes with the Functions host's queue-listener semantics and host.json), pointed at the bench's Azurite
/// through <c>AzureWebJobsStorage</c> so it starts no Azurite of its own. Everything is passed as environment app
/// settings (the Functions form, <c>Payouts__…</c>); inherited <c>Payouts__*</c>, <c>AzureWebJobs*</c> and
/// <c>DevHost__*</c> variables are dropped and an empty settings file is named, so no developer
/// <c>local.settings.json</c> leaks in. Its console is read and its warnings and errors are echoed to stderr.
/// Stopped with SIGTERM (the DevHost's graceful stop), killed after <see cref="StopGrace"/>; a bench process that
/// ends (exception, SIGTERM, SIGINT, SIGQUIT, SIGHUP) kills it on the way out; only a SIGKILLed bench leaves it running.
/// </summary>
internal sealed partial class DevHostProcess : IAsyncDisposable
{
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _settingsFile;
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _tail = [];
    private readonly List<PosixSignalRegistration> _signals = [];
    private int _warnings;
    private bool _stopped;

    private DevHostProcess(Process process, string settingsFile, string masterKey, string dll)
    {
        _process = process;
        _settingsFile = settingsFile;
        MasterKey = masterKey;
        Dll = dll;
        AppDomain.CurrentDomain.ProcessExit += OnBenchExit;

        // The runtime's default SIGTERM/SIGINT handling does not reliably run ProcessExit before the bench dies, so the
        // signals themselves kill the DevHost, then take their default course (the bench ends).
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
        {
            _signals.Add(PosixSignalRegistration.Create(signal, _ => KillNow()));
        }
    }

    public int Pid => _process.Id;

    public string Dll { get; }

    /// <summary>The DevHost's master (admin) key: random per run, sent as <c>x-functions-key</c>.</summary>
    public string MasterKey { get; }

    public Uri BaseAddress => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException("The DevHost has not started.");

    /// <summary>Warning, error and critical log lines the DevHost wrote.</summary>
    public int Warnings => Volatile.Read(ref _warnings);

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The DevHost dll next to this build: src/Payouts.DevHost/bin/{Configuration}/{tfm}/ (the bench project
    /// references the DevHost project without its assembly, so building the bench builds it).
    /// </summary>
    public static string Locate(string root, string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new FileNotFoundException($"--devhost-dll {explicitPath} does not exist.", explicitPath);
        }

        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent?.Name ?? "Release";
        var candidate = Path.Combine(root, "src", "Payouts.DevHost", "bin", configuration, tfmDir.Name, "Payouts.DevHost.dll");
        return File.Exists(candidate)
            ? candidate
            : throw new FileNotFoundException($"The DevHost is not built at {candidate}: dotnet build -c {configuration} src/Payouts.DevHost (or pass --devhost-dll).", candidate);
    }

    /// <param name="settings">App settings in configuration form (<c>Payouts:SenderHashKey</c>); passed as environment variables.</param>
    public static async Task<DevHostProcess> StartAsync(string dll, IReadOnlyDictionary<string, string?> settings, TimeSpan startTimeout, CancellationToken ct)
    {
        var settingsFile = Path.Combine(Path.GetTempPath(), $"payouts-bench-devhost-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settingsFile, "{ \"IsEncrypted\": false, \"Values\": {} }\n", ct);
        var masterKey = "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var start = new ProcessStartInfo(DotnetHost(), [dll, "serve", "--port", "0", "--settings", settingsFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("Payouts__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DevHost__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("AzureFunctionsJobHost__", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in settings)
        {
            // Functions app settings: "__" for ":"; "AzureWebJobs.X.Disabled" keeps its dots.
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["DevHost__MasterKey"] = masterKey;
        start.Environment["DevHost__FunctionKey"] = "bench-fn-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        if (!process.Start())
        {
            File.Delete(settingsFile);
            throw new InvalidOperationException($"Could not start {start.FileName} {dll}.");
        }

        var host = new DevHostProcess(process, settingsFile, masterKey, dll);
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data, isError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(startTimeout);
            var exited = process.WaitForExitAsync(timeout.Token);
            var started = await Task.WhenAny(host._address.Task, exited);
            if (started != host._address.Task)
            {
                await exited;
                throw new InvalidOperationException($"The DevHost exited with code {process.ExitCode} before it served:\n{host.Tail()}");
            }

            return host;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The DevHost did not start serving within {startTimeout.TotalSeconds:F0} s:\n{host.Tail()}");
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM, then wait for a graceful exit; kill after <see cref="StopGrace"/>. Returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (_stopped)
        {
            return _process.HasExited ? _process.ExitCode : -1;
        }

        _stopped = true;
        AppDomain.CurrentDomain.ProcessExit -= OnBenchExit;
        foreach (var registration in _signals)
        {
            registration.Dispose();
        }

        try
        {
            if (!_process.HasExited)
            {
                Signal("TERM");
                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"[devhost] pid {Pid} still running {StopGrace.TotalSeconds:F0} s after SIGTERM: killing it.");
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }

            // Let the asynchronous readers drain the last lines.
            _process.WaitForExit();
            return _process.ExitCode;
        }
        finally
        {
            File.Delete(_settingsFile);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    /// <summary>The last lines the DevHost wrote (for error messages).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail.Select(l => "  [devhost] " + l));
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private void Signal(string signal)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private void OnLine(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Add(line);
            if (_tail.Count > 40)
            {
                _tail.RemoveAt(0);
            }
        }

        if (!_address.Task.IsCompleted && ServingLine().Match(line) is { Success: true } match)
        {
            _address.TrySetResult(new Uri(match.Groups["url"].Value));
            return;
        }

        if (LogLevelOf().IsMatch(line) || isError)
        {
            Interlocked.Increment(ref _warnings);
            Console.Error.WriteLine("[devhost] " + line);
        }
    }

    /// <summary>The bench process is ending (unhandled exception, SIGTERM): leave no DevHost behind.</summary>
    private void OnBenchExit(object? sender, EventArgs e) => KillNow();

    private void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            File.Delete(_settingsFile);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Payouts DevHost on (?<url>https?://\S+/)")]
    private static partial Regex ServingLine();

    [GeneratedRegex(@"^\d\d:\d\d:\d\d (warn|fail|crit): ")]
    private static partial Regex LogLevelOf();
}
