using NodaTime;
using Payouts.Domain.Periods;

namespace Payouts.Storage.ReferenceData;

/// <summary>
/// What is recorded on a rate row stored by force: the request, when it was honoured, and the periods whose close had
/// started from the rate's start date on. Their issued statements keep the rates they used.
/// </summary>
public sealed record RateOverride(RateForce Force, Instant At, IReadOnlyList<PeriodKey> IssuedPeriods);
