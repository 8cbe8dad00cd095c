namespace Payouts.Storage.Ingestion;

/// <summary>How a record reached us; kept on the stored row for support and audit.</summary>
public enum IngestSource
{
    Http,
    Queue,
}
