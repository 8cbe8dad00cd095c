using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Scope;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Connections;
using Payouts.Storage.Ingestion;
using Payouts.Application.Observability;
using Payouts.Application.Outbox;
using Payouts.Application.PayoutBatches;
using Payouts.Application.Periods;
using Payouts.Application.Statements;

namespace Payouts.Storage.Configuration;

public static class PayoutsStorageServiceCollectionExtensions
{
    /// <summary>Options, clock, storage clients and the ingestion services: everything below the trigger classes.</summary>
    public static IServiceCollection AddPayoutsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PayoutsOptions>()
            .Bind(configuration.GetSection(PayoutsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayoutsOptions>, PayoutsOptionsValidator>();
        services.AddMetrics();
        services.AddAzureClientsCore();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PayoutsMetrics>();

        services.AddSingleton(sp => StorageEndpoints.FromConfiguration(
            configuration, sp.GetRequiredService<IOptions<PayoutsOptions>>().Value.StorageConnection, sp.GetRequiredService<AzureComponentFactory>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageEndpoints>().CreateTableServiceClient());
        services.AddSingleton(sp => sp.GetRequiredService<StorageEndpoints>().CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
        services.AddSingleton(sp => sp.GetRequiredService<StorageEndpoints>().CreateBlobServiceClient());
        services.AddSingleton<StorageInitializer>();

        services.AddSingleton(sp =>
        {
            var periods = sp.GetRequiredService<IOptions<PayoutsOptions>>().Value.Periods;
            return new PeriodCalendar(periods.Kind, DateTimeZoneProviders.Tzdb[periods.TimeZone], Duration.FromTimeSpan(periods.Grace));
        });
        services.AddSingleton(sp =>
        {
            PayoutsOptionsValidator.TryBase64(sp.GetRequiredService<IOptions<PayoutsOptions>>().Value.SenderHashKey, out var key);
            return new SenderIdHasher(key);
        });
        services.AddSingleton<Tables.CreatorTables>();
        services.AddSingleton<ActivityIndex>();
        services.AddSingleton<IActivityIndex>(sp => sp.GetRequiredService<ActivityIndex>());
        services.AddSingleton<Settlement.SettlementLedger>();
        services.AddSingleton<IngestRejectedStore>();
        services.AddSingleton<Periods.PeriodStore>();
        services.AddSingleton<IPeriodRepository>(sp => sp.GetRequiredService<Periods.PeriodStore>());
        services.AddSingleton<ReferenceData.RateStore>();
        services.AddSingleton<ReferenceData.ContractStore>();
        services.AddSingleton<ReferenceData.AgencyStore>();
        services.AddSingleton<Statements.RateBookCache>();
        services.AddSingleton<IReferenceData, ReferenceData.ReferenceDataReader>();
        services.AddSingleton<Statements.StatementStore>();
        services.AddSingleton<IStatementRepository>(sp => sp.GetRequiredService<Statements.StatementStore>());
        services.AddSingleton<Statements.StatementDocuments>();
        services.AddSingleton<IStatementDocuments>(sp => sp.GetRequiredService<Statements.StatementDocuments>());
        services.AddSingleton<IStatementInputs, Statements.StatementInputs>();
        services.AddSingleton<ICreatorLeases, Statements.CreatorLeases>();
        services.AddSingleton<Statements.StatementJobQueue>();
        services.AddSingleton<IStatementJobQueue>(sp => sp.GetRequiredService<Statements.StatementJobQueue>());
        services.AddSingleton<IStatementJobBacklog>(sp => sp.GetRequiredService<Statements.StatementJobQueue>());
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<PayoutsOptions>>().Value.PayoutDetailsKey;
            return PayoutsOptionsValidator.TryBase64(configured, out var key) && key.Length == PayoutsOptionsValidator.PayoutDetailsKeyLength
                ? new PayoutDetails.PayoutDetailsCipher(key)
                : throw new InvalidOperationException("Payouts:PayoutDetailsKey is not a base64 AES-256 key: payout details cannot be read or stored.");
        });
        services.AddSingleton<PayoutDetails.PayoutDetailsStore>();
        services.AddSingleton<IPayoutDetailsRepository>(sp => sp.GetRequiredService<PayoutDetails.PayoutDetailsStore>());
        services.AddSingleton<IPayoutBatchArchive, PayoutBatches.PayoutBatchArchive>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PayoutsOptions>>().Value;
            return new StatementJobOptions(options.StatementBuildConcurrency, options.BusyRetryDelay);
        });
        services.AddSingleton(sp => new Domain.Statements.PayoutSchedule(sp.GetRequiredService<IOptions<PayoutsOptions>>().Value.PayoutDelayDays));
        services.AddSingleton<Statements.PeriodReconciliation>();
        services.AddSingleton<Agencies.AgencyStatementStore>();
        services.AddSingleton<Application.Agencies.IAgencyStatementRepository>(sp => sp.GetRequiredService<Agencies.AgencyStatementStore>());
        services.AddSingleton<Agencies.AgencyStatementDocuments>();
        services.AddSingleton<Application.Agencies.IAgencyStatementDocuments>(sp => sp.GetRequiredService<Agencies.AgencyStatementDocuments>());
        services.AddSingleton<Statements.CreatorYearReader>();
        services.TryAddSingleton<Corrections.IVoidProbe, Corrections.NoVoidProbe>();
        services.AddSingleton<Corrections.RecordVoider>();
        services.AddSingleton<Corrections.RecordAuditReader>();
        services.AddSingleton<Outbox.OutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<Outbox.OutboxStore>());
        services.AddSingleton<IOutboxTransport, Outbox.OutboxTransport>();
        services.AddSingleton<Outbox.WebhookEgressGuard>();
        services.AddHttpClient(Outbox.OutboxTransport.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(sp => Outbox.WebhookHttpPolicies.PrimaryHandler(sp.GetRequiredService<Outbox.WebhookEgressGuard>()))
            .AddPolicyHandler((sp, _) => Outbox.WebhookHttpPolicies.Retry(sp.GetRequiredService<PayoutsMetrics>()))
            .AddPolicyHandler((_, request) => Outbox.WebhookHttpPolicies.BreakerFor(request))
            .AddPolicyHandler(Outbox.WebhookHttpPolicies.Timeout());

        // The use cases, over the ports above.
        services.TryAddSingleton<IBuildProbe, NoBuildProbe>();
        services.AddSingleton<PeriodCloser>();
        services.AddSingleton<StatementEmitter>();
        services.AddSingleton<StatementBuilder>();
        services.AddSingleton<StatementJobHandler>();
        services.AddSingleton<StatementReissuer>();
        services.AddSingleton<PayoutBatchService>();
        services.AddSingleton<PeriodSettlement>();
        services.AddSingleton<Application.Agencies.AgencyStatementIssuer>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<WaitingRefunds>();
        services.AddSingleton<RefundAdmission>();
        services.AddSingleton<IRecordAdmission<GiftRecord>>(sp => sp.GetRequiredService<RefundAdmission>());
        services.AddSingleton<IRecordAdmission<DealRecord>, NoAdmission<DealRecord>>();
        services.AddSingleton<CreatorContractCache>();
        AddRecordFamily<GiftRecord, GiftMapping>(services, RecordKind.Gift, GiftRecordReader.Read, (scope, gift, errors) => scope.Check(gift, errors));
        AddRecordFamily<DealRecord, DealMapping>(services, RecordKind.Deal, DealRecordReader.Read, (scope, deal, errors) => scope.Check(deal, errors));
        return services;
    }

    private static void AddRecordFamily<TRecord, TMapping>(
        IServiceCollection services,
        RecordKind kind,
        Func<System.Text.Json.JsonElement, RecordReadContext, RecordReadResult<TRecord>> read,
        Action<PartnerScope, TRecord, FieldErrors> checkScope)
        where TRecord : class
        where TMapping : class, IRecordMapping<TRecord>
    {
        services.AddSingleton<IRecordMapping<TRecord>, TMapping>();
        services.AddSingleton<IngestService<TRecord>>();
        services.AddSingleton(sp => new PartnerScopeCheck<TRecord>(
            sp.GetRequiredService<IOptionsMonitor<PayoutsOptions>>(),
            sp.GetRequiredService<CreatorContractCache>(),
            sp.GetRequiredService<IRecordMapping<TRecord>>(),
            sp.GetRequiredService<PeriodCalendar>(),
            checkScope));
        services.AddSingleton(sp => new RecordBatchIngestion<TRecord>(
            sp.GetRequiredService<IngestService<TRecord>>(),
            read,
            sp.GetRequiredService<PartnerScopeCheck<TRecord>>(),
            sp.GetRequiredService<SenderIdHasher>(),
            sp.GetRequiredService<IClock>()));
        services.AddSingleton(sp => new QueueIngestHandler<TRecord>(
            sp.GetRequiredService<RecordBatchIngestion<TRecord>>(),
            sp.GetRequiredService<IngestRejectedStore>(),
            kind,
            sp.GetRequiredService<PayoutsMetrics>(),
            sp.GetRequiredService<ILogger<QueueIngestHandler<TRecord>>>()));
    }
}
