namespace Payouts.Functions.Tests.Simulation;

/// <summary>What the simulation does to one delivery of a statement job.</summary>
internal enum SimulationFault
{
    None,

    /// <summary>The same message delivered twice at once (two instances).</summary>
    DuplicateConcurrent,

    /// <summary>The builder of one creator dies at a step drawn from the seed.</summary>
    Crash,

    /// <summary>Storage answers 503 to the builder at a step drawn from the seed.</summary>
    StorageUnavailable,

    /// <summary>The builder freezes past its lease while a second delivery builds; then it wakes up.</summary>
    PausedPastLease,
}
