using System.Globalization;
using System.Runtime.InteropServices;
using Payouts.DevHost.Demo;
using Payouts.DevHost.Hosting;

namespace Payouts.DevHost;

/// <summary>The command line: <c>serve</c> (the default) or <c>demo</c>, their options, and the remaining arguments as settings.</summary>
public static class DevHostCommand
{
    public const string Usage = """
        Payouts DevHost: runs the Functions app's own function classes without Azure Functions Core Tools.

          dotnet run --project src/Payouts.DevHost -- demo [options]    the pipeline end to end, with demo data
          dotnet run --project src/Payouts.DevHost -- serve [options]   host the app on http://localhost:7071

        options:
          --port N            serve: HTTP port (default 7071)
          --data DIR          keep Azurite's data in DIR (default: in memory)
          --settings FILE     read Values from this local.settings.json (serve: ./local.settings.json or
                              src/Payouts.Functions/local.settings.json when present)
          --run-timer-now     fire every timer function once at start
          --seed N            demo: random seed (default 42); same seed, same statements
          --creators N        demo: creators including lea (default 6)
          --gifts N           demo: gift records of the other creators (default 400)
          --period P          demo: the period to simulate (default 2026-11)
          --out DIR           demo: where statements are written (default out/demo)
          --serve             demo: keep serving after the demo, until Ctrl+C
          --verbose           show the app's and the DevHost's invocation logs
        Any other --Section:Key value (or Section__Key=value) is a setting, e.g. --Payouts:Periods:Kind Weekly.
        No AzureWebJobsStorage setting: the DevHost starts Azurite (tools/, npm ci on first run) and stops it on exit.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var (command, flags, rest) = Parse(args);
        if (command is "help" or "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var verbose = flags.ContainsKey("verbose");
        var host = new DevHostOptions
        {
            Port = Int(flags, "port") ?? 7071,
            DataDirectory = flags.GetValueOrDefault("data") is { } data ? Path.GetFullPath(data) : null,
            SettingsFile = flags.GetValueOrDefault("settings") ?? (command == "serve" ? DevHostConfiguration.FindLocalSettings() : null),
            RunTimersNow = flags.ContainsKey("run-timer-now"),
            CommandLine = rest,
            AppLogLevel = command == "serve" || verbose ? Microsoft.Extensions.Logging.LogLevel.Information : Microsoft.Extensions.Logging.LogLevel.Warning,
        };

        try
        {
            switch (command)
            {
                case "serve":
                    return await ServeAsync(host, stop.Token);
                case "demo":
                    var demo = new DemoOptions
                    {
                        Seed = Int(flags, "seed") ?? 42,
                        Creators = Int(flags, "creators") ?? 6,
                        Gifts = Int(flags, "gifts") ?? 400,
                        Period = flags.GetValueOrDefault("period"),
                        OutDirectory = flags.GetValueOrDefault("out") ?? Path.Combine(DevHostConfiguration.RepositoryRoot() ?? Directory.GetCurrentDirectory(), "out", "demo"),
                        KeepServing = flags.ContainsKey("serve"),
                        Verbose = verbose,
                    };
                    return await new DemoRunner(demo, host, Console.Out).RunAsync(stop.Token);
                default:
                    await Console.Error.WriteLineAsync($"Unknown command '{command}'.\n\n{Usage}");
                    return 2;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped.");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or Microsoft.Extensions.Options.OptionsValidationException or FormatException or IOException or System.ComponentModel.Win32Exception)
        {
            await Console.Error.WriteLineAsync($"DevHost failed: {ex.Message}");
            if (verbose)
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }

            return 1;
        }
    }

    private static async Task<int> ServeAsync(DevHostOptions options, CancellationToken ct)
    {
        await using var app = await DevHostApp.StartAsync(options, ct);
        StartupBanner.Write(Console.Out, app, options);
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        return 0;
    }

    private static (string Command, Dictionary<string, string?> Flags, List<string> Settings) Parse(string[] args)
    {
        string[] switches = ["run-timer-now", "serve", "verbose"];
        string[] valued = ["port", "data", "settings", "seed", "creators", "gifts", "period", "out"];
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        for (var i = command == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? 0 : 1; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            if (args[i].StartsWith("--", StringComparison.Ordinal) && switches.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                flags[name] = null;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && valued.Contains(name, StringComparer.OrdinalIgnoreCase) && i + 1 < args.Length)
            {
                flags[name] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (command, flags, rest);
    }

    private static int? Int(Dictionary<string, string?> flags, string name) =>
        flags.GetValueOrDefault(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
}
