namespace Payouts.Application.Statements;

/// <summary>How statement jobs run: creators built at once per instance, and how long a busy creator waits.</summary>
public sealed record StatementJobOptions(int BuildConcurrency, TimeSpan BusyRetryDelay);
