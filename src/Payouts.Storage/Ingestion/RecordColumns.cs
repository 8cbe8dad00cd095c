namespace Payouts.Storage.Ingestion;

/// <summary>Column names shared by the gift and deal tables.</summary>
public static class RecordColumns
{
    public const string PartnerId = "PartnerId";
    public const string RecordId = "RecordId";
    public const string CreatorId = "CreatorId";
    public const string Period = "Period";
    public const string Fingerprint = "Fingerprint";
    public const string IngestedAt = "IngestedAt";
    public const string Source = "Source";
}
