namespace Payouts.Domain.Agencies;

/// <summary>
/// A creator whose side changed between two agency statement versions: what the previous version was built from
/// (null: not in it) and what this one is built from (null: gone), e.g. "lea~2026-11~v1@…" → "lea~2026-11~v2@…".
/// </summary>
public sealed record AgencyCreatorChange(string CreatorId, AgencyStatementSource? Before, AgencyStatementSource? After);
