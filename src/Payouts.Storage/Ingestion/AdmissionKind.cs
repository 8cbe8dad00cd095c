namespace Payouts.Storage.Ingestion;

public enum AdmissionKind
{
    Admit,
    Reject,
    Wait,
}
