using Payouts.Domain.Periods;

namespace Payouts.Storage.Corrections;

/// <summary>What voiding a record did, and the periods of the creator's blocked statements sent to be built again.</summary>
public sealed record VoidOutcome(VoidResult Result, string? CreatorId = null, PeriodKey? RecordPeriod = null, string? Detail = null)
{
    public IReadOnlyList<PeriodKey> Rebuilt { get; init; } = [];
}
