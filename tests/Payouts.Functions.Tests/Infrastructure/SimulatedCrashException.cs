namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Thrown by <see cref="TestBuildProbe"/> where a real builder would have died.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
