using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payouts.Azurite;
using Payouts.DevHost.Discovery;
using Payouts.DevHost.Http;
using Payouts.DevHost.Invocation;
using Payouts.Functions;
using Payouts.Storage.Configuration;

namespace Payouts.DevHost.Hosting;

/// <summary>
/// The running DevHost: Azurite (when no storage is configured), the app's container from <c>AddPayoutsApp</c>, Kestrel
/// serving the HTTP functions, and the queue and timer listeners. No business logic: every request, message and timer
/// tick ends in a function class of Payouts.Functions.
/// </summary>
public sealed class DevHostApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AzuriteServer? _azurite;

    private DevHostApp(WebApplication app, AzuriteServer? azurite, Uri baseAddress, IReadOnlyList<string> routes)
    {
        _app = app;
        _azurite = azurite;
        BaseAddress = baseAddress;
        Routes = routes;
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<string> Routes { get; }

    public IServiceProvider Services => _app.Services;

    public IConfiguration Configuration => _app.Configuration;

    public FunctionCatalog Catalog => Services.GetRequiredService<FunctionCatalog>();

    public FunctionKeys Keys => Services.GetRequiredService<FunctionKeys>();

    public TriggerHost Triggers => Services.GetRequiredService<TriggerHost>();

    /// <summary>Azurite's connection string when the DevHost started it; null when it uses configured storage.</summary>
    public string? AzuriteConnectionString => _azurite?.ConnectionString;

    public static async Task<DevHostApp> StartAsync(DevHostOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = DevHostConfiguration.Build(options);
        AzuriteServer? azurite = null;
        if (!StorageConfigured(configuration))
        {
            if (options.DataDirectory is { } data)
            {
                // AzuriteServer starts Azurite in the data folder, so it has to exist first.
                Directory.CreateDirectory(data);
            }

            azurite = await AzuriteServer.StartAsync(new AzuriteOptions { DataDirectory = options.DataDirectory }, ct);
            var connection = configuration[$"{PayoutsOptions.Section}:{nameof(PayoutsOptions.StorageConnection)}"] ?? "AzureWebJobsStorage";
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionString, [connection] = azurite.ConnectionString });
        }

        try
        {
            var app = Build(options, configuration);
            await app.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(ct);
            var routes = HttpFunctionEndpoints.Map(app, app.Services.GetRequiredService<FunctionCatalog>(), app.Services.GetRequiredService<HostJson>().RoutePrefix);
            ApiReference.ApiReferencePage.Map(app);
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new DevHostApp(app, azurite, new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/"), routes);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Fires a timer function now, through the path its schedule uses.</summary>
    public Task FireTimerAsync(string functionName, CancellationToken ct) => Triggers.FireTimerAsync(functionName, ct);

    /// <summary>Waits for Ctrl+C / SIGTERM (or <paramref name="ct"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }

    private static WebApplication Build(DevHostOptions options, ConfigurationManager configuration)
    {
        // A local host is Development: the sample secrets and relaxed webhook egress are refused anywhere else.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DevHostApp).Assembly.GetName().Name,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRouting();
        builder.Services.AddLoopbackHostFiltering(builder.Configuration);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Payouts", options.AppLogLevel);
        builder.Logging.AddFilter("Payouts.DevHost", options.AppLogLevel);

        // The app, exactly as the Functions host composes it, then what the host itself provides.
        builder.Services.AddPayoutsApp(builder.Configuration);
        builder.Services.AddMvcCore();
        var catalog = FunctionCatalog.ForPayoutsFunctions();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(new FunctionInvoker(catalog));
        builder.Services.AddSingleton<FunctionKeys>();
        builder.Services.AddSingleton(HostJson.Load(HostJson.Find(), builder.Configuration));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TriggerHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TriggerHost>());
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();

        // Before the endpoints run: a request for another Host name is refused with nothing invoked.
        app.UseHostFiltering();
        return app;
    }

    private static bool StorageConfigured(ConfigurationManager configuration)
    {
        var name = configuration[$"{PayoutsOptions.Section}:{nameof(PayoutsOptions.StorageConnection)}"] ?? "AzureWebJobsStorage";
        static bool Has(IConfigurationSection section) => !string.IsNullOrWhiteSpace(section.Value) || section.GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));
        return Has(configuration.GetSection(name)) && Has(configuration.GetSection("AzureWebJobsStorage"));
    }
}
