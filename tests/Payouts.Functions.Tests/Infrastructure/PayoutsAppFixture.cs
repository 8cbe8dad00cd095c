using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Payouts.Azurite;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>
/// One real Azurite (in memory, free ports) and the app's real service graph for the whole test assembly.
/// Time is a <see cref="FakeTimeProvider"/> set to a moment in November 2026; tests use their own creator ids so they
/// do not see each other's rows.
/// </summary>
public sealed class PayoutsAppFixture : IAsyncLifetime
{
    public const string Partner = "tiklive";
    public const string PartnerSecret = "tiklive-secret-0000000000000000000000";
    public const string PartnerRotatedSecret = "tiklive-secret-1111111111111111111111";
    public const string OtherPartner = "brandhub";
    public const string OtherPartnerSecret = "brandhub-secret-000000000000000000000";
    /// <summary>A partner with a scope: gifts and bonuses but no brand deals, no commission overrides, two creators and one agency.</summary>
    public const string ScopedPartner = "scoped";
    public const string ScopedPartnerSecret = "scoped-secret-000000000000000000000000";
    public const string ScopedCreator = "scoped-creator-1";
    public const string ScopedOtherCreator = "scoped-creator-2";
    public const string ScopedAgency = "scope-agency";
    /// <summary>A partner that may send brand deals and bonuses but no gifts.</summary>
    public const string DealsOnlyPartner = "dealsonly";
    public const string DealsOnlyPartnerSecret = "dealsonly-secret-0000000000000000000000";
    /// <summary>A partner with a small rate limit of its own: a burst of two, then one request every ten seconds.</summary>
    public const string LimitedPartner = "limited";
    public const string LimitedPartnerSecret = "limited-secret-00000000000000000000000";
    public const string Agency = "nova";
    public const string WebhookSecret = "nova-webhook-secret-00000000000000000";
    public const string WebhookRotatedSecret = "nova-webhook-secret-11111111111111111";
    /// <summary>An agency of the egress tests, so their deliveries never mix with other tests'.</summary>
    public const string EgressAgency = "egress-agency";
    /// <summary>The agency of the agency statement webhook test (its own, so its deliveries never mix with other tests').</summary>
    public const string StatementAgency = "agy-webhook-2043";
    /// <summary>The agency of the reissue tests (2068–2069), whose webhooks they count.</summary>
    public const string ReissueAgency = "agy-reissue-2068";

    /// <summary>The platform's account the payout batch's transfer file debits.</summary>
    public const string DebtorName = "Payouts Test Platform";
    public const string DebtorIban = "FR1420041010050500013M02606";
    public const string DebtorBic = "PSSTFRPPXXX";

    private AzuriteServer? _azurite;
    private string? _connectionString;

    /// <summary>Every log line of the app while a test records (<see cref="LogCapture.Record"/>): proves what is never logged.</summary>
    public LogCapture Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>Where a test pauses or crashes a statement builder at a chosen step.</summary>
    public TestBuildProbe Probe { get; } = new();

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public Payouts.Storage.Configuration.PayoutsOptions Options => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Payouts.Storage.Configuration.PayoutsOptions>>().Value;

    public TableServiceClient Tables => Services.GetRequiredService<TableServiceClient>();

    public QueueServiceClient Queues => Services.GetRequiredService<QueueServiceClient>();

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(new AzuriteOptions(), CancellationToken.None);
        _connectionString = _azurite.ConnectionString;
        Services = BuildServices(_connectionString, Time, Probe, Logs);
        await Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
    }

    /// <summary>The app's real service graph over <paramref name="connectionString"/>, with this fixture's settings and clock.</summary>
    public static ServiceProvider BuildServices(string connectionString, FakeTimeProvider time, TestBuildProbe probe, LogCapture? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Payouts:SenderHashKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
            ["Payouts:PayoutDetailsKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(255 - i)).ToArray()),
            ["Payouts:Debtor:Name"] = DebtorName,
            ["Payouts:Debtor:Iban"] = DebtorIban,
            ["Payouts:Debtor:Bic"] = DebtorBic,
            [$"Payouts:Partners:{Partner}:Secrets:0"] = PartnerSecret,
            [$"Payouts:Partners:{Partner}:Secrets:1"] = PartnerRotatedSecret,
            [$"Payouts:Partners:{OtherPartner}:Secrets:0"] = OtherPartnerSecret,
            [$"Payouts:Partners:{ScopedPartner}:Secrets:0"] = ScopedPartnerSecret,
            [$"Payouts:Partners:{ScopedPartner}:RecordTypes:0"] = "gifts",
            [$"Payouts:Partners:{ScopedPartner}:RecordTypes:1"] = "bonuses",
            [$"Payouts:Partners:{ScopedPartner}:AllowAgencyCommissionRate"] = "false",
            [$"Payouts:Partners:{ScopedPartner}:Creators:0"] = ScopedCreator,
            [$"Payouts:Partners:{ScopedPartner}:Creators:1"] = ScopedOtherCreator,
            [$"Payouts:Partners:{ScopedPartner}:Agencies:0"] = ScopedAgency,
            [$"Payouts:Partners:{DealsOnlyPartner}:Secrets:0"] = DealsOnlyPartnerSecret,
            [$"Payouts:Partners:{DealsOnlyPartner}:RecordTypes:0"] = "deals",
            [$"Payouts:Partners:{DealsOnlyPartner}:RecordTypes:1"] = "bonuses",
            [$"Payouts:Partners:{LimitedPartner}:Secrets:0"] = LimitedPartnerSecret,
            [$"Payouts:Partners:{LimitedPartner}:RateLimit:Burst"] = "2",
            [$"Payouts:Partners:{LimitedPartner}:RateLimit:RequestsPerSecond"] = "0.1",
            [$"Payouts:Webhooks:{Agency}:Secrets:0"] = WebhookSecret,
            [$"Payouts:Webhooks:{Agency}:Secrets:1"] = WebhookRotatedSecret,
            [$"Payouts:Webhooks:{EgressAgency}:Secrets:0"] = WebhookSecret,
            [$"Payouts:Webhooks:{StatementAgency}:Secrets:0"] = WebhookSecret,
            [$"Payouts:Webhooks:{ReissueAgency}:Secrets:0"] = WebhookSecret,
            ["Payouts:BusyRetryDelay"] = "00:00:00.500",
            // The fake clock moves only when a test moves it: the default bucket must not run dry under the simulation.
            ["Payouts:IngestRateLimit:Burst"] = "100000",
            // The webhook receivers of the tests listen on http://127.0.0.1 (the egress rules have tests of their own).
            ["Payouts:WebhookEgress:AllowHttp"] = "true",
            ["Payouts:WebhookEgress:AllowPrivateAddresses"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (logs is not null)
            {
                logging.AddProvider(logs).AddFilter<LogCapture>(null, LogLevel.Trace);
            }
        });
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new TestEnvironment());
        services.AddSingleton(probe);
        services.AddSingleton<Payouts.Application.Statements.IBuildProbe>(probe);
        services.AddPayoutsApp(configuration);
        services.AddSingleton<TimeProvider>(time);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Stops Azurite for good, mid-test: a real outage (the clients keep pointing at its closed ports).</summary>
    public async Task StopStorageAsync()
    {
        if (_azurite is { } azurite)
        {
            _azurite = null;
            await azurite.DisposeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
