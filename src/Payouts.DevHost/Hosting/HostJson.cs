using System.Globalization;
using Microsoft.Extensions.Configuration;
using Payouts.DevHost.Queues;

namespace Payouts.DevHost.Hosting;

/// <summary>
/// The settings of the repository's host.json that the DevHost honours: the HTTP route prefix and the queue extension.
/// As in the Functions host, an app setting <c>AzureFunctionsJobHost__extensions__queues__batchSize</c> (etc.) overrides the file.
/// </summary>
public sealed record HostJson(string RoutePrefix, QueueHostOptions Queues)
{
    public const string FileName = "host.json";

    public static HostJson Load(string? path, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new ConfigurationBuilder();
        if (path is not null && File.Exists(path))
        {
            builder.AddJsonFile(Path.GetFullPath(path), optional: false);
        }

        var file = builder.Build();
        string? Get(string key) => settings["AzureFunctionsJobHost:" + key] ?? file[key];
        int Int(string key, int fallback) => Get(key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        TimeSpan Span(string key, TimeSpan fallback) => Get(key) is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : fallback;

        var defaults = new QueueHostOptions();
        var batch = Int("extensions:queues:batchSize", defaults.BatchSize);
        var queues = new QueueHostOptions
        {
            BatchSize = batch,
            NewBatchThreshold = Int("extensions:queues:newBatchThreshold", batch / 2),
            MaxPollingInterval = Span("extensions:queues:maxPollingInterval", defaults.MaxPollingInterval),
            VisibilityTimeout = Span("extensions:queues:visibilityTimeout", defaults.VisibilityTimeout),
            MaxDequeueCount = Int("extensions:queues:maxDequeueCount", defaults.MaxDequeueCount),
            MessageEncoding = Get("extensions:queues:messageEncoding") ?? defaults.MessageEncoding,
            MessageLease = settings["DevHost:QueueMessageLease"] is { } lease ? TimeSpan.Parse(lease, CultureInfo.InvariantCulture) : defaults.MessageLease,
        };
        if (queues.BatchSize is < 1 or > 32)
        {
            throw new InvalidOperationException($"host.json extensions.queues.batchSize must be 1–32, not {queues.BatchSize}.");
        }

        if (!queues.IsBase64 && !string.Equals(queues.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"host.json extensions.queues.messageEncoding must be 'base64' or 'none', not '{queues.MessageEncoding}'.");
        }

        return new HostJson(Get("extensions:http:routePrefix") ?? "api", queues);
    }

    /// <summary>host.json next to the DevHost (linked from the repository root at build time), else the repository's.</summary>
    public static string? Find()
    {
        var local = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, FileName)) && File.Exists(Path.Combine(dir.FullName, "Payouts.sln")))
            {
                return Path.Combine(dir.FullName, FileName);
            }
        }

        return null;
    }
}
