using Payouts.Domain.PayoutBatches;

namespace Payouts.Domain.Tests.PayoutBatches;

/// <summary>Versions as deltas: every row listed again, the transfer file paying only what earlier files did not.</summary>
public sealed class PayoutBatchDeltaTests
{
    private static readonly Payouts.Domain.PayoutDetails.CreatorPayoutDetails Lea = BatchBuilders.Sepa("lea", "FR7630006000011234567890189", "Léa Martin");
    private static readonly Payouts.Domain.PayoutDetails.CreatorPayoutDetails Jonas = BatchBuilders.Sepa("jonas", "DE89370400440532013000", "Jonas Keller");

    [Fact]
    public void Next_ACreatorNewlyIssued_IsTransferredInFull_TheOthersAreListedAsAlreadyTransferred()
    {
        var v1 = PayoutBatch.Next(Builders.Paris, Builders.November, null, [BatchBuilders.Row("lea", 26.50m, Lea)], [BlockedCreator.Of("jonas", ["no-contract"])]);
        var v2 = PayoutBatch.Next(Builders.Paris, Builders.November, v1, [BatchBuilders.Row("lea", 26.50m, Lea), BatchBuilders.Row("jonas", 85.00m, Jonas)]);

        Assert.Equal("jonas", Assert.Single(v1.Blocked).CreatorId);
        Assert.Equal(2650, v1.TransferTotal.MinorUnits);
        Assert.False(v1.PaysTheSameAs(v2));
        var transfer = Assert.Single(v2.Transfers);
        Assert.Equal(("jonas", 8500L), (transfer.CreatorId, transfer.ToTransfer.MinorUnits));
        Assert.Equal(8500, v2.TransferTotal.MinorUnits);
        Assert.Equal(2650, v2.AlreadyTransferredTotal.MinorUnits);
        var lea = v2.Rows.Single(r => r.CreatorId == "lea");
        Assert.Equal((1, 2650L, 1), (lea.AlreadyBatchedIn, lea.AlreadyTransferredMinor, lea.LastTransferredIn));
        Assert.Equal(TransferExclusionCodes.AlreadyTransferred, v2.Exclusions.Single(e => e.Row == lea).Code);
        Assert.Empty(v2.Blocked);
    }

    [Fact]
    public void Next_AReissuePayingMore_TransfersTheDifference_AndPayingLess_TransfersNothingAndSaysSo()
    {
        var v1 = PayoutBatch.Next(Builders.Paris, Builders.November, null, [BatchBuilders.Row("lea", 26.50m, Lea), BatchBuilders.Row("jonas", 85.00m, Jonas)]);
        var v2 = PayoutBatch.Next(Builders.Paris, Builders.November, v1, [BatchBuilders.Row("lea", 27.10m, Lea, version: 2), BatchBuilders.Row("jonas", 84.40m, Jonas, version: 2)]);

        var more = Assert.Single(v2.Transfers);
        Assert.Equal(("lea", 60L, 2710L), (more.CreatorId, more.ToTransfer.MinorUnits, more.Payable.MinorUnits));
        Assert.Null(more.AlreadyBatchedIn);
        Assert.Equal(60, v2.TransferTotal.MinorUnits);
        var less = Assert.Single(v2.Exclusions);
        Assert.Equal(TransferExclusionCodes.ReissuePaysLess, less.Code);
        Assert.StartsWith("already transferred 85.00 in version 1; the reissue pays 0.60 less", less.Message, StringComparison.Ordinal);
        Assert.Contains("not recovered automatically", less.Message, StringComparison.Ordinal);

        // Paid v1 then v2: each creator got max(what v1 paid, the current payable), never twice.
        var v3 = PayoutBatch.Next(Builders.Paris, Builders.November, v2, [BatchBuilders.Row("lea", 27.10m, Lea, version: 2), BatchBuilders.Row("jonas", 84.40m, Jonas, version: 2)]);
        Assert.Empty(v3.Transfers);
        Assert.Equal((2710L, 2), (v3.Rows.Single(r => r.CreatorId == "lea").AlreadyTransferredMinor, v3.Rows.Single(r => r.CreatorId == "lea").LastTransferredIn));
        Assert.Equal(8500, v3.Rows.Single(r => r.CreatorId == "jonas").AlreadyTransferredMinor);
    }

    [Fact]
    public void Next_ACreatorExcludedBefore_IsTransferredInFullOnceItCan()
    {
        var v1 = PayoutBatch.Next(Builders.Paris, Builders.November, null, [BatchBuilders.Row("lea", 26.50m)]);
        var v2 = PayoutBatch.Next(Builders.Paris, Builders.November, v1, [BatchBuilders.Row("lea", 26.50m, Lea)]);

        Assert.Empty(v1.Transfers);
        Assert.Equal(2650, Assert.Single(v2.Transfers).ToTransfer.MinorUnits);
        Assert.Equal(1, v2.Rows[0].AlreadyBatchedIn);
    }

    [Fact]
    public void PaysTheSameAs_IgnoresWhatEarlierVersionsTransferred_ButNotTheBlockedCreators()
    {
        var v1 = PayoutBatch.Next(Builders.Paris, Builders.November, null, [BatchBuilders.Row("lea", 26.50m, Lea)], [BlockedCreator.Of("jonas", ["no-contract"])]);

        Assert.True(v1.PaysTheSameAs(PayoutBatch.Next(Builders.Paris, Builders.November, v1, [BatchBuilders.Row("lea", 26.50m, Lea)], [BlockedCreator.Of("jonas", ["no-contract"])])));
        Assert.False(v1.PaysTheSameAs(PayoutBatch.Next(Builders.Paris, Builders.November, v1, [BatchBuilders.Row("lea", 26.50m, Lea)], [BlockedCreator.Of("jonas", ["no-rate"])])));
    }

    [Fact]
    public void Create_ARowWithNothingPayable_NeedsSomethingAlreadyTransferred()
    {
        var zero = BatchBuilders.Row("lea", 0m, Lea);

        Assert.Throws<ArgumentException>(() => BatchBuilders.Batch(1, zero));
        var settled = BatchBuilders.Batch(2, zero with { AlreadyTransferredMinor = 2650, LastTransferredIn = 1 });
        Assert.Equal(TransferExclusionCodes.ReissuePaysLess, Assert.Single(settled.Exclusions).Code);
    }

    [Fact]
    public void Create_ABlockedCreatorWithARow_IsRefused() =>
        Assert.Throws<ArgumentException>(() => PayoutBatch.Create(Builders.Paris, Builders.November, 1, [BatchBuilders.Row("lea", 1m, Lea)], [BlockedCreator.Of("lea", ["x"])]));
}
