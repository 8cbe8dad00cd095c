namespace Payouts.Application.PayoutBatches;

/// <summary>How many statement jobs are queued (visible or being processed) and how many failed into the poison queue.</summary>
public sealed record StatementJobBacklog(int Queued, int Poisoned);
