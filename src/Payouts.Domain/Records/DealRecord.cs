using NodaTime;
using Payouts.Domain.Contracts;

namespace Payouts.Domain.Records;

/// <summary>A validated brand deal or event bonus. A negative amount is a reversal.</summary>
public sealed record DealRecord(
    string PartnerId,
    string RecordId,
    string CreatorId,
    DealType Type,
    string? Brand,
    DealAmount Amount,
    Instant EarnedAt,
    string? Reference,
    Share? AgencyCommissionRate)
{
    public RevenueType RevenueType => Type.RevenueType();
}
