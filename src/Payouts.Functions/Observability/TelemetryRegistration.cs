using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using Payouts.Application.Observability;

namespace Payouts.Functions.Observability;

/// <summary>
/// OpenTelemetry for the Functions app: the worker's invocation spans, the Azure SDK's spans for every table, queue and
/// blob call (so one trace runs HTTP → tables → queue), and the app's meters. Exported to Application Insights when a
/// connection string is set, authenticated with the managed identity when <c>AZURE_CLIENT_ID</c> is set (local auth off).
/// </summary>
public static class TelemetryRegistration
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddPayoutsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // The Azure SDK emits ActivitySource spans only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource("Azure.*"))
            .WithMetrics(metrics => metrics.AddMeter(PayoutsMetrics.MeterName));

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var clientId = configuration["AZURE_CLIENT_ID"];
            var credential = string.IsNullOrWhiteSpace(clientId) ? null : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        return services;
    }
}
