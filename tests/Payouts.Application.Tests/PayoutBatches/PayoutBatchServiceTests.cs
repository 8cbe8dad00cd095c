using Microsoft.Extensions.Logging.Abstractions;
using Payouts.Application.PayoutBatches;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Application.Tests.Fakes;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.PayoutBatches;

/// <summary>The payout batch use case over in-memory ports: when it is pending, which statements it pays, when it makes a version.</summary>
public sealed class PayoutBatchServiceTests
{
    private readonly FakePeriods _periods = new();
    private readonly FakeStatementRepository _statements = new(new FakeSettlements(Builders.Paris));
    private readonly FakePayoutBatches _batches = new();

    public PayoutBatchServiceTests() => _periods.Set(Builders.November, PeriodStatus.Closed);

    private PayoutBatchService Service => new(_periods, _statements, _batches, _batches, _batches, Builders.Paris, NullLogger<PayoutBatchService>.Instance);

    [Fact]
    public async Task GetAsync_EverythingPending_SaysEachReason()
    {
        _periods.Set(Builders.November, PeriodStatus.Closing);
        _statements.Blocked[("zed", Builders.November)] = [BlockReason.Of(BlockCodes.NoContract, "no contract")];
        _batches.Backlog = new StatementJobBacklog(3, 1);

        var outcome = await Service.GetAsync(Builders.November, null, CancellationToken.None);

        Assert.Equal(PayoutBatchResult.Pending, outcome.Result);
        Assert.Collection(
            outcome.Pending!,
            p => Assert.Contains("Closing, not Closed", p, StringComparison.Ordinal),
            p => Assert.StartsWith("3 statement job(s) are still queued", p, StringComparison.Ordinal),
            p => Assert.Contains("statement-jobs-poison", p, StringComparison.Ordinal));
        Assert.Equal(0, _batches.Creates);
    }

    [Fact]
    public async Task GetAsync_PaysIssuedStatementsWithSomethingPayable_WithTheirCreatorsDetails()
    {
        Issue("lea", 1, StatementStatus.Issued, 50317);
        Issue("kai", 1, StatementStatus.CarriedForward, 0);
        Issue("max", 1, StatementStatus.Issued, 0);
        _batches.Details["lea"] = new CreatorPayoutDetails("lea", PayoutMethod.Sepa, Iban.Parse("FR7630006000011234567890189"), null, AccountHolderName.Parse("Léa Martin"));

        var batch = (await Service.GetAsync(Builders.November, null, CancellationToken.None)).Batch!;

        var row = Assert.Single(batch.Rows);
        Assert.Equal(new Money(50317, Currency.EUR), row.Payable);
        Assert.Equal(_batches.Details["lea"], row.Details);
        Assert.Single(batch.Transfers);
    }

    [Fact]
    public async Task GetAsync_TheSameStatementsAgain_AnswersTheStoredVersion_AndDifferentOnesMakeTheNext()
    {
        Issue("lea", 1, StatementStatus.Issued, 100);
        var first = await Service.GetAsync(Builders.November, null, CancellationToken.None);
        var again = await Service.GetAsync(Builders.November, null, CancellationToken.None);
        Issue("lea", 2, StatementStatus.Issued, 150);
        var reissued = await Service.GetAsync(Builders.November, null, CancellationToken.None);

        Assert.Equal((1, 1, 2), (first.Batch!.Version, again.Batch!.Version, reissued.Batch!.Version));
        Assert.Same(first.Batch, again.Batch);
        Assert.Equal(2, _batches.Creates);
        Assert.Equal(150, Assert.Single(reissued.Batch.Rows).Payable.MinorUnits);
        Assert.Equal(2, (await Service.GetAsync(Builders.November, 1, CancellationToken.None)).LatestVersion);
    }

    [Fact]
    public async Task GetAsync_ASupersededVersionStillIndexedAsIssued_PaysOnlyTheNewest()
    {
        // A crash between a reissue's commit and the index update leaves v1's row saying Issued.
        Issue("lea", 1, StatementStatus.Issued, 100);
        Issue("lea", 2, StatementStatus.Issued, 120);

        var batch = (await Service.GetAsync(Builders.November, null, CancellationToken.None)).Batch!;

        Assert.Equal(2, Assert.Single(batch.Rows).StatementId.Version);
    }

    [Fact]
    public async Task GetAsync_ReissuedToNothingPayable_DropsTheRow()
    {
        Issue("lea", 1, StatementStatus.Issued, 100);
        Issue("lea", 2, StatementStatus.CarriedForward, 0);

        Assert.Empty((await Service.GetAsync(Builders.November, null, CancellationToken.None)).Batch!.Rows);
    }

    [Fact]
    public async Task GetAsync_ABlockedCreator_IsListedNotPaid_AndOnceIssuedOnlyItIsTransferred()
    {
        Issue("lea", 1, StatementStatus.Issued, 2650);
        _batches.Details["lea"] = Sepa("lea");
        _batches.Details["zed"] = Sepa("zed");
        _statements.Blocked[("zed", Builders.November)] = [BlockReason.Of(BlockCodes.NoContract, "no contract")];

        var v1 = await Service.GetAsync(Builders.November, null, CancellationToken.None);

        Assert.Equal(PayoutBatchResult.Ready, v1.Result);
        Assert.Equal(("zed", BlockCodes.NoContract), (Assert.Single(v1.Batch!.Blocked).CreatorId, v1.Batch.Blocked[0].Codes.Single()));
        Assert.Equal(2650, v1.Batch.TransferTotal.MinorUnits);

        _statements.Blocked.Remove(("zed", Builders.November));
        Issue("zed", 1, StatementStatus.Issued, 8500);
        var v2 = (await Service.GetAsync(Builders.November, null, CancellationToken.None)).Batch!;

        Assert.Equal(2, v2.Version);
        Assert.Empty(v2.Blocked);
        Assert.Equal(2, v2.Rows.Count);
        Assert.Equal("zed", Assert.Single(v2.Transfers).CreatorId);
        Assert.Equal(8500, v2.TransferTotal.MinorUnits);
    }

    [Fact]
    public async Task GetAsync_AReissueToNothingPayableAfterATransfer_KeepsTheRowSayingWhatWasPaid()
    {
        Issue("lea", 1, StatementStatus.Issued, 100);
        _batches.Details["lea"] = Sepa("lea");
        await Service.GetAsync(Builders.November, null, CancellationToken.None);
        Issue("lea", 2, StatementStatus.CarriedForward, 0);

        var v2 = (await Service.GetAsync(Builders.November, null, CancellationToken.None)).Batch!;

        var row = Assert.Single(v2.Rows);
        Assert.Equal((0L, 100L), (row.Payable.MinorUnits, row.AlreadyTransferredMinor));
        Assert.Equal(TransferExclusionCodes.ReissuePaysLess, Assert.Single(v2.Exclusions).Code);
        Assert.Empty(v2.Transfers);
    }

    [Fact]
    public async Task GetAsync_AnotherRequestStoredTheVersionFirst_AnswersThatOne()
    {
        Issue("lea", 1, StatementStatus.Issued, 100);
        var rows = new[] { new PayoutBatchRow(new StatementId("lea", Builders.November, 1), new Money(100, Currency.EUR), null) };
        _batches.BeforeCreate = () => _batches.Store(PayoutBatch.Create(Builders.Paris, Builders.November, 1, rows));

        var outcome = await Service.GetAsync(Builders.November, null, CancellationToken.None);

        Assert.Equal(PayoutBatchResult.Ready, outcome.Result);
        Assert.Equal(1, outcome.Batch!.Version);
        Assert.Equal(0, _batches.Creates);
    }

    [Fact]
    public async Task GetAsync_AVersionNeverStored_IsNotFound_EvenWhilePending()
    {
        _periods.Set(Builders.November, PeriodStatus.Open);

        var outcome = await Service.GetAsync(Builders.November, 1, CancellationToken.None);

        Assert.Equal(PayoutBatchResult.NotFound, outcome.Result);
        Assert.Equal(0, outcome.LatestVersion);
    }

    private static CreatorPayoutDetails Sepa(string creatorId) =>
        new(creatorId, PayoutMethod.Sepa, Iban.Parse("FR7630006000011234567890189"), null, AccountHolderName.Parse("Someone"));

    private void Issue(string creatorId, int version, StatementStatus status, long payableMinor)
    {
        var id = new StatementId(creatorId, Builders.November, version);
        _statements.Headers[id] = new StatementHeader(
            id, status, Currency.EUR, null, null, "Europe/Paris", "hash", null,
            new StatementHeaderTotals(0, 0, 0, 0, 0, payableMinor, 0, payableMinor, status == StatementStatus.CarriedForward ? 1 : 0),
            0, 0, "b", "p", []);
    }
}
