using Payouts.Domain.Periods;

namespace Payouts.Storage.ReferenceData;

/// <summary>
/// The answer to publishing a rate version. <see cref="IssuedPeriods"/>: the periods, from the rate's start on, whose
/// close had started (empty unless <see cref="RatePublicationOutcome.InsideIssuedPeriod"/> or
/// <see cref="RatePublicationOutcome.AddedByForce"/>).
/// </summary>
public sealed record RatePublication(RatePublicationOutcome Outcome, IReadOnlyList<PeriodKey> IssuedPeriods)
{
    public static RatePublication Of(RatePublicationOutcome outcome) => new(outcome, []);
}
