using NodaTime;

namespace Payouts.Application.Statements;

/// <summary>
/// A refund accepted before its gift was stored: kept aside, counted nowhere, until a gift of that id arrives from the
/// same partner (or an operator voids it). <see cref="OriginalRecordId"/> is null only on a refund parked before the
/// waiting marks recorded it.
/// </summary>
public sealed record WaitingRefund(string PartnerId, string RecordId, string? OriginalRecordId, string CreatorId, Instant WaitingSince);
