using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Payouts.Application.Agencies;
using Payouts.Application.Observability;
using Payouts.Application.Outbox;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Fakes;

/// <summary>The use cases wired to in-memory ports: the DOMAIN §5 world (creator lea, agency nova, Europe/Paris).</summary>
internal sealed class FakeWorld : IDisposable
{
    private readonly MeterFactory _meters;

    public FakeWorld(Instant now)
    {
        Clock = new FakeClock(now);
        Settlements = new FakeSettlements(Builders.Paris);
        Statements = new FakeStatementRepository(Settlements);
        _meters = new MeterFactory();
        Metrics = new PayoutsMetrics(_meters);
        Emitter = new StatementEmitter(Statements, Documents, Reference, Outbox, new NoBuildProbe(), Clock);
        Builder = new StatementBuilder(Statements, Settlements, Documents, Leases, Emitter, Periods, Activity, Reference, Builders.Paris, PayoutSchedule.Default, new NoBuildProbe(), Clock, Metrics, NullLogger<StatementBuilder>.Instance);
        Dispatcher = new OutboxDispatcher(Outbox, Transport, Clock, Metrics, NullLogger<OutboxDispatcher>.Instance);
        Agencies = new AgencyStatementIssuer(
            AgencyStatements, AgencyDocuments, Statements, Reference, Periods, new PeriodSettlement(Activity, Statements, Settlements), Outbox, Dispatcher, Builders.Paris, Clock, NullLogger<AgencyStatementIssuer>.Instance);
        Jobs = new StatementJobHandler(Builder, Agencies, Periods, Dispatcher, JobQueue, new StatementJobOptions(4, TimeSpan.FromSeconds(30)), NullLogger<StatementJobHandler>.Instance);
        Closer = new PeriodCloser(Activity, JobQueue, Periods, Statements, Builders.Paris, Clock, NullLogger<PeriodCloser>.Instance);
    }

    public FakeClock Clock { get; }

    public FakeSettlements Settlements { get; }

    public FakeStatementRepository Statements { get; }

    public FakeLeases Leases { get; } = new();

    public FakeDocuments Documents { get; } = new();

    public FakePeriods Periods { get; } = new();

    public FakeActivity Activity { get; } = new();

    public FakeReference Reference { get; } = new();

    public FakeOutbox Outbox { get; } = new();

    public FakeTransport Transport { get; } = new();

    public FakeJobQueue JobQueue { get; } = new();

    public FakeAgencyStatements AgencyStatements { get; } = new();

    public FakeAgencyDocuments AgencyDocuments { get; } = new();

    public AgencyStatementIssuer Agencies { get; }

    public PayoutsMetrics Metrics { get; }

    public StatementEmitter Emitter { get; }

    public StatementBuilder Builder { get; }

    public OutboxDispatcher Dispatcher { get; }

    public StatementJobHandler Jobs { get; }

    public PeriodCloser Closer { get; }

    public void Dispose()
    {
        Jobs.Dispose();
        Metrics.Dispose();
        _meters.Dispose();
    }
}
