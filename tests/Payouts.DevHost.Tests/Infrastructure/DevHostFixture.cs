using Payouts.DevHost.Hosting;

namespace Payouts.DevHost.Tests.Infrastructure;

/// <summary>
/// One DevHost for the collection, started as <c>serve</c> does but on a free port, over an Azurite it starts itself.
/// Queue retries are shortened through the host's own override settings so the poison path is quick to see. No keys
/// are configured (the host makes up its own); one extra Host name is allowed.
/// </summary>
public sealed class DevHostFixture : IAsyncLifetime
{
    public const string Partner = "smoke-partner";
    public const string PartnerSecret = "smoke-partner-secret-000000000000000000";
    public const string AllowedHost = "devbox.test";

    public DevHostApp App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await DevHostApp.StartAsync(
            new DevHostOptions
            {
                Port = 0,
                ScheduleTimers = false,
                AppLogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
                Settings = new Dictionary<string, string?>
                {
                    [$"Payouts:Partners:{Partner}:Secrets:0"] = PartnerSecret,
                    ["DevHost:AllowedHosts"] = AllowedHost,
                    ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
                    ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
                    ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.500",
                },
            },
            CancellationToken.None);
        Http = new HttpClient { BaseAddress = App.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
