using Payouts.Domain.Statements;

namespace Payouts.Application.Statements;

/// <summary>An admin's request to reissue <paramref name="Id"/>: why, and who asked (recorded on the new version's header).</summary>
public sealed record ReissueRequest(StatementId Id, string Reason, string RequestedBy);
