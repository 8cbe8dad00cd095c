namespace Payouts.Storage.Ingestion;

/// <summary>How a record reached us; kept on the stored row for support and audit.</summary>
public enum IngestSource
{
    Http,
    Queue,

    /// <summary>A record that waited for another (a refund for its gift), stored when that one arrived.</summary>
    Release,
}
