namespace Payouts.Domain.Statements;

/// <summary>What a line was computed from: how many records, how many gifts in them, how many were refunds.</summary>
public readonly record struct LineSources(int Records, long Gifts, int Refunds);
