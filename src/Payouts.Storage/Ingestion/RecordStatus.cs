namespace Payouts.Storage.Ingestion;

/// <summary>What happened to one record of a batch.</summary>
public enum RecordStatus
{
    /// <summary>Stored now.</summary>
    Accepted,

    /// <summary>The same partner and record id with the same content was stored before: nothing written.</summary>
    Duplicate,

    /// <summary>Invalid, or the record id was stored before with different content: nothing written.</summary>
    Rejected,
}
