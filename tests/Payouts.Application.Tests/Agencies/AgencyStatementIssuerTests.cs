using NodaTime;
using Payouts.Application.Agencies;
using Payouts.Application.Periods;
using Payouts.Application.Tests.Fakes;
using Payouts.Domain.Agencies;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Agencies;

/// <summary>
/// The agency statement use case over in-memory ports: when it issues (a closed, settled period), that it issues once
/// however often it runs, a new version when a creator statement changes, and a blocked one with reasons.
/// </summary>
public sealed class AgencyStatementIssuerTests : IDisposable
{
    private static readonly PeriodKey November = Builders.November;
    private static readonly AgencyStatementId V1 = new("nova", November, 1);
    private readonly FakeWorld _world = new(Instant.FromUtc(2026, 12, 5, 12, 0));

    public AgencyStatementIssuerTests()
    {
        _world.Periods.Set(November, PeriodStatus.Closed);
        _world.Reference.Webhooks["nova"] = new Uri("https://nova.example/hooks");
        _world.Reference.OtherContracts["max"] = [.. Builders.Contracts(Builders.LeaContract(minimum: 0m) with { CreatorId = "max" })];
    }

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task IssueSettled_EveryCreatorStatementIssued_IssuesOnePerAgencyOnce_AndAnnouncesItOnce()
    {
        AddDeal("lea", "a", 100m, Currency.EUR);
        AddDeal("max", "b", 20m, Currency.EUR);
        await BuildAsync("lea", "max");

        var first = await _world.Agencies.IssueSettledAsync(CancellationToken.None);
        var second = await _world.Agencies.IssueSettledAsync(CancellationToken.None);
        var refreshed = await _world.Agencies.RefreshAsync(November, ["lea", "max"], CancellationToken.None);

        Assert.Equal(AgencyIssueResult.Issued, Assert.Single(first).Result);
        Assert.Empty(second);
        Assert.Equal(AgencyIssueResult.AlreadyIssued, Assert.Single(refreshed).Result);
        var statement = Assert.Single(_world.AgencyStatements.Committed.Values);
        Assert.Equal(V1, statement.Id);
        Assert.Equal(["lea", "max"], statement.Creators.Select(c => c.CreatorId));
        Assert.Equal(new Money(1500 + 300, Currency.EUR), Assert.Single(statement.Totals).Commission.Total);
        Assert.Single(AgencyWebhooks());
        Assert.Contains(V1, _world.AgencyStatements.Emitted);
        var state = (await _world.Periods.GetAsync(November, CancellationToken.None))!;
        Assert.NotNull(state.AgencyStatementsStartedAt);
        Assert.NotNull(state.AgencyStatementsIssuedAt);
    }

    [Fact]
    public async Task IssueSettled_ACreatorStatementStillWaiting_IssuesNothingYet()
    {
        AddDeal("lea", "a", 100m, Currency.EUR);
        AddDeal("max", "b", 20m, Currency.EUR);
        await BuildAsync("lea");
        _world.Activity.Mark(November, "max");

        var outcomes = await _world.Agencies.IssueSettledAsync(CancellationToken.None);

        Assert.Empty(outcomes);
        Assert.Empty(_world.AgencyStatements.Committed);
        Assert.Null((await _world.Periods.GetAsync(November, CancellationToken.None))!.AgencyStatementsStartedAt);

        // Nothing is refreshed before the first pass either: the job of max issues its statement only.
        await BuildAsync("max");
        Assert.Empty(_world.AgencyStatements.Committed);
        Assert.Equal(AgencyIssueResult.Issued, Assert.Single(await _world.Agencies.IssueSettledAsync(CancellationToken.None)).Result);
    }

    [Fact]
    public async Task Job_BlockedCreatorIssuedAfterTheFirstPass_GivesVersion2_AndSupersedesVersion1()
    {
        AddDeal("lea", "a", 100m, Currency.EUR);
        AddDeal("max", "b", 20m, Currency.FromCode("GBP"));
        await BuildAsync("lea", "max");
        await _world.Agencies.IssueSettledAsync(CancellationToken.None);
        var v1 = _world.AgencyStatements.Committed[V1];
        Assert.Equal(AgencyCreatorStatus.Blocked, v1.Creators.Single(c => c.CreatorId == "max").Status);
        Assert.Equal([BlockCodes.MissingFx], v1.Creators.Single(c => c.CreatorId == "max").BlockCodes);

        // The missing GBP→EUR rate is published and max's job runs again (a close of the closed period re-sends it).
        _world.Reference.Rates = Builders.RatesWith(Builders.Fx("GBP/EUR", 2026, 11, 30, 1.15m));
        await BuildAsync("max");

        var v2 = _world.AgencyStatements.Committed[V1.NextVersion()];
        Assert.Equal(1, v2.Supersedes);
        Assert.Contains(V1, _world.AgencyStatements.Superseded);
        Assert.Same(v1, _world.AgencyStatements.Committed[V1]);
        var change = Assert.Single(v2.Changes);
        Assert.Equal(("max", true), (change.CreatorId, change.Before!.IsBlocked));
        Assert.Equal(new StatementId("max", November, 1), change.After!.Statement);
        Assert.Equal(AgencyCreatorStatus.Issued, v2.Creators.Single(c => c.CreatorId == "max").Status);
        Assert.Equal(2, AgencyWebhooks().Select(d => d.DeliveryId).Distinct().Count());
        Assert.Equal([V1.ToString(), V1.NextVersion().ToString()], AgencyWebhooks().Select(d => d.SubjectId).Order(StringComparer.Ordinal));

        // Again: nothing changed on the creator side, so nothing new.
        await BuildAsync("max");
        Assert.Equal(2, _world.AgencyStatements.Committed.Count);
    }

    [Fact]
    public async Task RefreshPeriod_ACreatorStatementIssuedWithoutItsRefresh_GivesTheNextVersion()
    {
        AddDeal("lea", "a", 100m, Currency.EUR);
        AddDeal("max", "b", 20m, Currency.FromCode("GBP"));
        await BuildAsync("lea", "max");
        await _world.Agencies.IssueSettledAsync(CancellationToken.None);

        // max is issued by a path whose agency refresh never ran (it failed, say): the period's refresh catches up.
        _world.Reference.Rates = Builders.RatesWith(Builders.Fx("GBP/EUR", 2026, 11, 30, 1.15m));
        Assert.Equal(Application.Statements.BuildResult.Issued, (await _world.Builder.BuildAsync("max", November, CancellationToken.None)).Result);
        Assert.Single(_world.AgencyStatements.Committed);

        var outcomes = await _world.Agencies.RefreshPeriodAsync(November, CancellationToken.None);
        var again = await _world.Agencies.RefreshPeriodAsync(November, CancellationToken.None);

        Assert.Equal(AgencyIssueResult.Issued, Assert.Single(outcomes).Result);
        Assert.Equal(AgencyIssueResult.AlreadyIssued, Assert.Single(again).Result);
        Assert.Equal(2, _world.AgencyStatements.Committed.Count);
        Assert.Equal(2, AgencyWebhooks().Count);
        Assert.Empty(await _world.Agencies.RefreshPeriodAsync(Builders.October, CancellationToken.None));
    }

    [Fact]
    public async Task IssueSettled_AnotherIssuerCommitsTheSameVersionFirst_NoDuplicate_AnnouncedOnce()
    {
        AddDeal("lea", "a", 100m, Currency.EUR);
        await BuildAsync("lea");
        var raced = false;
        _world.AgencyStatements.BeforeCommit = async statement =>
        {
            if (!raced)
            {
                raced = true;
                Assert.True(await _world.AgencyStatements.TryCommitAsync(statement, "other", null, CancellationToken.None));
            }
        };

        var outcome = Assert.Single(await _world.Agencies.IssueSettledAsync(CancellationToken.None));

        Assert.Equal(AgencyIssueResult.AlreadyIssued, outcome.Result);
        Assert.Single(_world.AgencyStatements.Committed);
        Assert.Single(AgencyWebhooks());
        Assert.NotNull((await _world.Periods.GetAsync(November, CancellationToken.None))!.AgencyStatementsIssuedAt);
    }

    [Fact]
    public async Task IssueSettled_CreatorContractVersionGone_BlocksTheAgencyWithTheReason_AndRetriesNextRun()
    {
        AddDeal("lea", "a", 100m, Currency.EUR);
        await BuildAsync("lea");
        var contracts = _world.Reference.Contracts.ToList();
        _world.Reference.Contracts.Clear();
        _world.Reference.Contracts.Add(new Versioned<Domain.Contracts.CreatorContract>("lea-other", new LocalDate(2026, 1, 1), contracts[0].Value));

        var blocked = Assert.Single(await _world.Agencies.IssueSettledAsync(CancellationToken.None));

        Assert.Equal(AgencyIssueResult.Blocked, blocked.Result);
        Assert.Contains("contract version lea-2026-01", Assert.Single(blocked.Reasons), StringComparison.Ordinal);
        Assert.Equal(AgencyBlockCodes.ContractVersionMissing, Assert.Single(_world.AgencyStatements.Blocked[("nova", November)]).Code);
        Assert.Null((await _world.Periods.GetAsync(November, CancellationToken.None))!.AgencyStatementsIssuedAt);

        _world.Reference.Contracts.Clear();
        _world.Reference.Contracts.AddRange(contracts);
        Assert.Equal(AgencyIssueResult.Issued, Assert.Single(await _world.Agencies.IssueSettledAsync(CancellationToken.None)).Result);
        Assert.Empty(_world.AgencyStatements.Blocked);
    }

    private List<Application.Outbox.OutboxDelivery> AgencyWebhooks() => [.. _world.Transport.Sent.Where(d => d.Event == AgencyStatementMessage.IssuedEvent)];

    private async Task BuildAsync(params string[] creators)
    {
        foreach (var creator in creators)
        {
            _world.Activity.Mark(November, creator);
        }

        await _world.Jobs.HandleAsync(new StatementJob(November, creators).ToJson(), CancellationToken.None);
    }

    private void AddDeal(string creatorId, string id, decimal amount, Currency currency) =>
        _world.Settlements.Add(Builders.Deal(id, DealType.ProductPlacement, DealAmount.Of(amount, currency), Instant.FromUtc(2026, 11, 3, 12, 0)) with { CreatorId = creatorId });
}
