namespace Payouts.Infra.Tests.Infrastructure;

/// <summary>What one Bicep CLI run printed.</summary>
public sealed record BicepOutput(int ExitCode, string StandardOutput, string StandardError);
