using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Statements;

namespace Payouts.Domain.PayoutBatches;

/// <summary>One payable statement of the batch and where its money goes (null details: the creator gave none yet).</summary>
public sealed record PayoutBatchRow(StatementId StatementId, Money Payable, CreatorPayoutDetails? Details)
{
    public string CreatorId => StatementId.CreatorId;

    public Currency Currency => Payable.Currency;

    public PayoutMethod Method => Details?.Method ?? PayoutMethod.Manual;
}
