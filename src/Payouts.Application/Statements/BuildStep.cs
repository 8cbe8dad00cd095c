namespace Payouts.Application.Statements;

/// <summary>The points of a build between which a crash or a pause can fall (the fault tests stop a builder at each).</summary>
public enum BuildStep
{
    LeaseAcquired,
    InputsRead,
    Computed,
    LinesWritten,
    DocumentsWritten,
    Committed,
    Indexed,
    OutboxWritten,
    Emitted,
}
