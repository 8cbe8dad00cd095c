using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Ingestion;

/// <summary>What a record's rules against stored data decided: store it now, refuse it (why), or keep it waiting.</summary>
public sealed record Admission(AdmissionKind Kind, FieldErrors? Errors = null)
{
    public static readonly Admission Admit = new(AdmissionKind.Admit);

    /// <summary>Kept aside until what it depends on arrives (a refund before its gift); reported as accepted.</summary>
    public static readonly Admission Wait = new(AdmissionKind.Wait);

    /// <summary>Accepted before, then voided by an operator while it waited: nothing to write; reported as a duplicate.</summary>
    public static readonly Admission Voided = new(AdmissionKind.Voided);

    public static Admission Reject(FieldErrors errors) => new(AdmissionKind.Reject, errors);

    /// <summary>Valid on its own but at odds with what is stored (a refund beyond what its gift has left): rejected as a conflict.</summary>
    public static Admission Conflict(FieldErrors errors) => new(AdmissionKind.Conflict, errors);
}
