using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Payouts.Azurite;
using Payouts.Functions;
using Payouts.Storage.Configuration;

namespace Payouts.Load.Infrastructure;

/// <summary>
/// One Azurite (in memory, free ports) and the app's real service graph over it, configured the way the Functions
/// host configures it (<see cref="PayoutsFunctionsRegistration.AddPayoutsApp"/>), with a <see cref="FakeTimeProvider"/>
/// so records, signatures and the period close agree on what "now" is.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    public const string Partner = "tiklive";
    public const string PartnerSecret = "tiklive-bench-secret-000000000000000000";

    private readonly AzuriteServer _azurite;

    private BenchApp(AzuriteServer azurite, ServiceProvider services, FakeTimeProvider time, WarningLog log, StorageProfile? profile, IReadOnlyDictionary<string, string?> settings)
    {
        _azurite = azurite;
        Settings = settings;
        Services = services;
        Time = time;
        Log = log;
        Profile = profile;
    }

    /// <summary>Counts the app's storage requests by kind (<c>--profile</c>); null when not profiling.</summary>
    public StorageProfile? Profile { get; }

    public ServiceProvider Services { get; }

    /// <summary>
    /// The app settings the in-process app was configured with (storage connection, sender hash key, partner and
    /// webhook secrets); everything else is the app's defaults. An out-of-process app is given the same.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>This run's Azurite.</summary>
    public string ConnectionString => _azurite.ConnectionString;

    public FakeTimeProvider Time { get; }

    public WarningLog Log { get; }

    public TableServiceClient Tables => Services.GetRequiredService<TableServiceClient>();

    /// <summary>The app's queue client: plain-text messages (host.json <c>messageEncoding: none</c>).</summary>
    public QueueServiceClient Queues => Services.GetRequiredService<QueueServiceClient>();

    public static async Task<BenchApp> StartAsync(DateTimeOffset now, bool profile, CancellationToken ct)
    {
        var azurite = await AzuriteServer.StartAsync(new AzuriteOptions(), ct);
        var time = new FakeTimeProvider(now);
        var log = new WarningLog();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Payouts:SenderHashKey"] = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))]),
            ["Payouts:PayoutDetailsKey"] = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)(i * 11))]),
            [$"Payouts:Partners:{Partner}:Secrets:0"] = PartnerSecret,
            ["Payouts:Webhooks:nova:Secrets:0"] = "nova-webhook-secret-0000000000000000000",
            // The bench's clock stands still, so a token bucket would never refill: the load sets its own ceiling.
            ["Payouts:IngestRateLimit:RequestsPerSecond"] = "10000",
            ["Payouts:IngestRateLimit:Burst"] = "100000",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(log));
        services.AddPayoutsApp(configuration);
        services.AddSingleton<TimeProvider>(time);
        var storageProfile = profile ? new StorageProfile() : null;
        if (storageProfile is not null)
        {
            // The same clients the app builds from the connection string, with the counting policy added.
            services.AddSingleton(_ => new TableServiceClient(azurite.ConnectionString, WithProfile(new TableClientOptions(), storageProfile)));
            services.AddSingleton(_ => new QueueServiceClient(azurite.ConnectionString, WithProfile(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, storageProfile)));
            services.AddSingleton(_ => new BlobServiceClient(azurite.ConnectionString, WithProfile(new BlobClientOptions(), storageProfile)));
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(ct);
        return new BenchApp(azurite, provider, time, log, storageProfile, settings);
    }

    private static T WithProfile<T>(T options, StorageProfile profile)
        where T : ClientOptions
    {
        options.AddPolicy(profile, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>A function class as the worker makes it: resolved with its constructor dependencies from the container.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
