using NodaTime;
using Payouts.Application.Outbox;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Application.Tests.Fakes;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Statements;

/// <summary>The build use case over in-memory ports: what it commits, when it refuses, and in which order.</summary>
public sealed class StatementBuilderTests : IDisposable
{
    private static readonly PeriodKey October = Builders.October;
    private static readonly PeriodKey November = Builders.November;
    private readonly FakeWorld _world = new(Instant.FromUtc(2026, 12, 5, 12, 0));

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Build_WithWaitingRecords_CommitsOnceSettlesThemAndEmitsThroughTheOutbox()
    {
        _world.Reference.Webhooks["nova"] = new Uri("https://nova.example/hooks");
        AddDeal("a", 100m, November, 3);
        AddDeal("b", 20m, November, 4);

        var outcome = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);
        var again = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);

        Assert.Equal(BuildResult.Issued, outcome.Result);
        Assert.Equal(BuildResult.AlreadyIssued, again.Result);
        var header = Assert.Single(_world.Statements.Headers.Values);
        Assert.Equal(2, header.RecordCount);
        Assert.Equal(12000, header.Totals.Deals);
        Assert.Equal(2, _world.Settlements.Settled("lea", November));
        Assert.Equal(1, _world.Statements.Commits);
        Assert.Contains(header.Id, _world.Statements.Emitted);
        Assert.Equal([OutboxChannel.Queue, OutboxChannel.Webhook], _world.Outbox.Pending.Values.Select(d => d.Channel).Order());
        Assert.Equal(2, outcome.Deliveries.Count);
        Assert.Empty(again.Deliveries);
    }

    [Fact]
    public async Task Build_CreatorHeldByAnotherBuilder_IsBusyAndWritesNothing()
    {
        AddDeal("a", 100m, November, 3);
        _world.Leases.Hold("lea");

        var outcome = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);

        Assert.Equal(BuildResult.Busy, outcome.Result);
        Assert.Empty(_world.Statements.Headers);
        Assert.Empty(_world.Statements.LineWrites);
        Assert.Equal(0, _world.Settlements.Settled("lea", November));
    }

    [Fact]
    public async Task Build_LeaseTakenOverBeforeTheCommit_CommitsNothingAndSaysSo()
    {
        AddDeal("a", 100m, November, 3);
        _world.Documents.OnWrite = () => _world.Leases.TakeOver("lea");

        var outcome = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);

        Assert.Equal(BuildResult.LeaseLost, outcome.Result);
        Assert.Empty(_world.Statements.Headers);
        Assert.Equal(0, _world.Settlements.Settled("lea", November));
        Assert.Empty(_world.Outbox.Pending);
    }

    [Fact]
    public async Task Build_ForAPeriodBeforeTheCreatorsLastStatement_IssuesNothing()
    {
        AddDeal("nov", 100m, November, 3);
        _world.Periods.Set(November, PeriodStatus.Closed);
        Assert.Equal(BuildResult.Issued, (await _world.Builder.BuildAsync("lea", November, CancellationToken.None)).Result);
        AddDeal("oct-late", 30m, October, 20);

        var outcome = await _world.Builder.BuildAsync("lea", October, CancellationToken.None);

        Assert.Equal(BuildResult.NotNeeded, outcome.Result);
        Assert.False(_world.Statements.Headers.ContainsKey(new StatementId("lea", October, 1)));
        Assert.Equal(0, _world.Settlements.Settled("lea", October));
    }

    [Fact]
    public async Task Build_WithNothingWaitingAndNoBalance_IssuesNoEmptyStatement()
    {
        var outcome = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);

        Assert.Equal(BuildResult.NothingToState, outcome.Result);
        Assert.Empty(_world.Statements.Headers);
    }

    [Fact]
    public async Task Build_WithAnUnissuedEarlierClosedPeriod_IssuesThatOneFirstAndBringsItsBalanceForward()
    {
        _world.Reference.Contracts[0] = _world.Reference.Contracts[0] with { Value = Builders.LeaContract(minimum: 50m) };
        _world.Periods.Set(October, PeriodStatus.Closed);
        _world.Periods.Set(November, PeriodStatus.Closed);
        AddDeal("oct", 10m, October, 10);
        AddDeal("nov", 100m, November, 10);

        var outcome = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);

        Assert.Equal(BuildResult.Issued, outcome.Result);
        var october = _world.Statements.Headers[new StatementId("lea", October, 1)];
        var november = _world.Statements.Headers[new StatementId("lea", November, 1)];
        Assert.Equal(1, october.RecordCount);
        Assert.Equal(850, october.Totals.CarriedForward);
        Assert.Equal(1, november.RecordCount);
        Assert.Equal(850, november.Totals.BroughtForward);
        Assert.Equal(8500 + 850, november.Totals.Payable);
    }

    [Fact]
    public async Task Build_WithoutAContract_IsBlockedWithTheReasonAndCountsNothing()
    {
        _world.Reference.Contracts.Clear();
        AddDeal("a", 100m, November, 3);

        var outcome = await _world.Builder.BuildAsync("lea", November, CancellationToken.None);

        Assert.Equal(BuildResult.Blocked, outcome.Result);
        var reason = Assert.Single(Assert.Single(_world.Statements.Blocked.Values));
        Assert.Equal(BlockCodes.NoContract, reason.Code);
        Assert.Contains("contract", reason.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _world.Settlements.Settled("lea", November));
    }

    private void AddDeal(string recordId, decimal eur, PeriodKey period, int day) =>
        _world.Settlements.Add(Builders.Deal(recordId, DealType.ProductPlacement, DealAmount.Of(eur, Currency.EUR), Instant.FromUtc(period.Year, period.Number, day, 12, 0)));
}
