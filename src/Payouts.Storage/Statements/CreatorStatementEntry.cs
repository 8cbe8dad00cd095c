using Payouts.Application.Statements;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Storage.Statements;

/// <summary>One entry of a creator's statement list: an issued header, or a period whose statement is blocked.</summary>
public sealed record CreatorStatementEntry(StatementHeader? Header, (PeriodKey Period, IReadOnlyList<BlockReason> Reasons)? Blocked);
