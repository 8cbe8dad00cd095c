using System.Globalization;

namespace Payouts.Load;

/// <summary>
/// <c>ingest|queue|close|all [--records N] [--clients N] [--gifts N --creators N] [--ingest-creators N]
/// [--queue-batch N] [--host-concurrency N] [--results DIR]</c>.
/// </summary>
internal sealed record LoadOptions
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/Payouts.Load -- ingest|queue|close|all\n" +
        "         [--records N=100000]        records for HTTP ingest and for queue ingest (each)\n" +
        "         [--clients N=4]             concurrent HTTP clients\n" +
        "         [--http-batch N=1000]       records per signed HTTP batch (1..1000)\n" +
        "         [--ingest-creators N=100]   creators the ingested records are spread over\n" +
        "         [--queue-batch N=200]       records per queue message (a message is at most 64 KiB)\n" +
        "         [--gifts N=100000]          gifts in the closed period (up to 1000000)\n" +
        "         [--creators N=100]          creators in the closed period (up to 1000)\n" +
        "         [--host-concurrency N=24]   queue messages in flight, like host.json batchSize 16 + newBatchThreshold 8\n" +
        "         [--profile]                 count the app's storage requests per scenario (adds a breakdown to the results)\n" +
        "         [--close-job-size N]        what-if: re-chunk the close's statement jobs to N creators each (the product sends 25)\n" +
        "         [--app-process devhost|inproc] close: the app in its own DevHost process, memory read from outside (default\n" +
        "                                     for close), or in the bench process with the host-like pump (default for all)\n" +
        "         [--devhost-dll PATH]        the DevHost to start (default src/Payouts.DevHost/bin/<Configuration>/net10.0/)\n" +
        "         [--results DIR=bench/results]";

    public required string Command { get; init; }

    public int Records { get; init; } = 100_000;

    public int Clients { get; init; } = 4;

    public int HttpBatch { get; init; } = 1_000;

    public int IngestCreators { get; init; } = 100;

    public int QueueBatch { get; init; } = 200;

    public int Gifts { get; init; } = 100_000;

    public int Creators { get; init; } = 100;

    public int HostConcurrency { get; init; } = 24;

    public string? ResultsDirectory { get; init; }

    public bool Profile { get; init; }

    /// <summary>Null: the product's jobs as sent. A number: the what-if experiment of smaller jobs.</summary>
    public int? CloseJobSize { get; init; }

    /// <summary>Null: <see cref="AppProcessDevHost"/> for <c>close</c>, <see cref="AppProcessInProcess"/> for <c>all</c>.</summary>
    public string? AppProcess { get; init; }

    public string? DevHostDll { get; init; }

    public const string AppProcessDevHost = "devhost";
    public const string AppProcessInProcess = "inproc";

    /// <summary>Whether the close runs in a separate DevHost process.</summary>
    /// <remarks><c>--profile</c> and <c>--close-job-size</c> work on the in-process app only, so they make inproc the default.</remarks>
    public bool CloseOutOfProcess =>
        (AppProcess ?? (Command == "close" && CloseJobSize is null && !Profile ? AppProcessDevHost : AppProcessInProcess)) == AppProcessDevHost;

    public bool RunsIngest => Command is "ingest" or "all";

    public bool RunsQueue => Command is "queue" or "all";

    public bool RunsClose => Command is "close" or "all";

    public static LoadOptions? TryParse(string[] args, out string? problem)
    {
        problem = null;
        if (args.Length == 0 || args[0] is not ("ingest" or "queue" or "close" or "all"))
        {
            problem = "Name a workload: ingest, queue, close or all.";
            return null;
        }

        var options = new LoadOptions { Command = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--profile")
            {
                options = options with { Profile = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{args[i]} needs a value.";
                return null;
            }

            var value = args[++i];
            int Number() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new FormatException($"{args[i - 1]} needs a positive whole number, not '{value}'.");
            try
            {
                options = args[i - 1] switch
                {
                    "--records" => options with { Records = Number() },
                    "--clients" => options with { Clients = Number() },
                    "--http-batch" => options with { HttpBatch = Math.Min(Number(), 1_000) },
                    "--ingest-creators" => options with { IngestCreators = Number() },
                    "--queue-batch" => options with { QueueBatch = Number() },
                    "--gifts" => options with { Gifts = Number() },
                    "--creators" => options with { Creators = Number() },
                    "--host-concurrency" => options with { HostConcurrency = Number() },
                    "--close-job-size" => options with { CloseJobSize = Number() },
                    "--results" => options with { ResultsDirectory = value },
                    "--app-process" => value is AppProcessDevHost or AppProcessInProcess
                        ? options with { AppProcess = value }
                        : throw new FormatException($"--app-process is {AppProcessDevHost} or {AppProcessInProcess}, not '{value}'."),
                    "--devhost-dll" => options with { DevHostDll = value },
                    var unknown => throw new FormatException($"Unknown option {unknown}."),
                };
            }
            catch (FormatException ex)
            {
                problem = ex.Message;
                return null;
            }
        }

        if (options.AppProcess == AppProcessDevHost && (options.Profile || options.CloseJobSize is not null))
        {
            problem = "--profile and --close-job-size need the app in process: --app-process inproc.";
            return null;
        }

        return options;
    }
}
