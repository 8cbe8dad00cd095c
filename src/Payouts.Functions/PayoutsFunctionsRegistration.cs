using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Domain.Records;
using Payouts.Functions.Http;
using Payouts.Functions.Observability;
using Microsoft.Extensions.Hosting;
using Payouts.Storage.Configuration;

namespace Payouts.Functions;

public static class PayoutsFunctionsRegistration
{
    /// <summary>The whole app below the host: used unchanged by the Functions host and by the DevHost.</summary>
    public static FunctionsApplicationBuilder AddPayoutsFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.UseMiddleware<HttpProblemMiddleware>();
        builder.UseMiddleware<Admin.AdminAccessMiddleware>();
        builder.Services.AddPayoutsApp(builder.Configuration);
        builder.Services.AddPayoutsTelemetry(builder.Configuration);
        return builder;
    }

    /// <summary>Services only, for hosts and tests that build their own container.</summary>
    public static IServiceCollection AddPayoutsApp(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddPayoutsStorage(configuration);
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<PayoutsOptions>, Hosting.StartupSafetyValidator>();
        services.AddSingleton<PartnerAuthenticator>();
        services.AddSingleton<PartnerRateLimiter>();
        services.AddSingleton<HttpIngestHandler<GiftRecord>>();
        services.AddSingleton<HttpIngestHandler<DealRecord>>();
        services.AddSingleton<Storage.ReferenceData.RatePublisher>();
        services.AddSingleton<Admin.AdminCaller>();
        services.AddSingleton<Admin.ReferenceDataHandler>();
        services.AddSingleton<Admin.PeriodHandler>();
        services.AddSingleton<Admin.StatementReadHandler>();
        services.AddSingleton<Admin.AgencyStatementReadHandler>();
        services.AddSingleton<Admin.CreatorYearHandler>();
        services.AddSingleton<Admin.CorrectionsHandler>();
        services.AddSingleton<Admin.PayoutDetailsHandler>();
        services.AddSingleton<Admin.PayoutBatchHandler>();
        services.AddSingleton<Admin.OutboxHandler>();
        services.AddSingleton<Storage.Connections.StorageReachability>();
        services.AddSingleton<Health.HealthProbe>();
        services.AddSingleton<Health.HealthReportCache>();
        services.AddSingleton<Health.HealthHandler>();
        return services;
    }
}
