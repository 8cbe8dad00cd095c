using Payouts.Domain.Records.Validation;

namespace Payouts.Storage.Ingestion;

/// <summary>What a record's rules against stored data decided: store it now, refuse it (why), or keep it waiting.</summary>
public sealed record Admission(AdmissionKind Kind, FieldErrors? Errors = null)
{
    public static readonly Admission Admit = new(AdmissionKind.Admit);

    /// <summary>Kept aside until what it depends on arrives (a refund before its gift); reported as accepted.</summary>
    public static readonly Admission Wait = new(AdmissionKind.Wait);

    public static Admission Reject(FieldErrors errors) => new(AdmissionKind.Reject, errors);
}
