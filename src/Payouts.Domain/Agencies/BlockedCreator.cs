namespace Payouts.Domain.Agencies;

/// <summary>A creator of the agency whose statement for the period is blocked, with the reasons' codes (no amount).</summary>
public sealed record BlockedCreator(string CreatorId, IReadOnlyList<string> Codes)
{
    public AgencyStatementSource Source => AgencyStatementSource.Blocked(CreatorId);
}
