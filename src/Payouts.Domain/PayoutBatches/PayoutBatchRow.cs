using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Statements;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// One statement of the batch and where its money goes (null details: the creator gave none yet), with what earlier
/// versions of the period's batch already did for it: the version that first listed this statement, and how much
/// their transfer files already paid the creator for the period (and the last version that did). The transfer file
/// of this version pays <see cref="ToTransfer"/>: the payable less what was already transferred.
/// </summary>
public sealed record PayoutBatchRow(StatementId StatementId, Money Payable, CreatorPayoutDetails? Details)
{
    public string CreatorId => StatementId.CreatorId;

    public Currency Currency => Payable.Currency;

    public PayoutMethod Method => Details?.Method ?? PayoutMethod.Manual;

    /// <summary>The earliest earlier version that listed this very statement; null: new in this version.</summary>
    public int? AlreadyBatchedIn { get; init; }

    /// <summary>What earlier versions' transfer files paid the creator for this period, in the row's currency.</summary>
    public long AlreadyTransferredMinor { get; init; }

    /// <summary>The last earlier version whose transfer file paid the creator; null: none did.</summary>
    public int? LastTransferredIn { get; init; }

    public Money AlreadyTransferred => new(AlreadyTransferredMinor, Currency);

    /// <summary>The payable less what was already transferred: negative when a reissue pays less than was transferred.</summary>
    public Money ToTransfer => Payable - AlreadyTransferred;

    /// <summary>The same statement, amount and account, whatever earlier versions did.</summary>
    public bool PaysTheSameAs(PayoutBatchRow other) =>
        other is not null && StatementId == other.StatementId && Payable == other.Payable && Equals(Details, other.Details);
}
