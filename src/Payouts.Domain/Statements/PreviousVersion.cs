using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>The version a reissue replaces: its number, its lines (as issued) and what it made payable.</summary>
public sealed record PreviousVersion(int Version, IReadOnlyList<StatementLine> Lines, Money Payable);
