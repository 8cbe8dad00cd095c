namespace Payouts.Storage.Ingestion;

public enum AdmissionKind
{
    Admit,
    Reject,
    Wait,

    /// <summary>Refused like <see cref="Reject"/>, reported as a conflict with stored data.</summary>
    Conflict,

    /// <summary>Voided while it waited: never stored, its id stays taken.</summary>
    Voided,
}
