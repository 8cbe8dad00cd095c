namespace Payouts.Storage.Tables;

/// <summary>The tables Payouts keeps (docs/storage.md explains each key design).</summary>
public static class TableNames
{
    public const string Gifts = "Gifts";
    public const string Deals = "Deals";
    public const string RecordIds = "RecordIds";
    public const string Activity = "Activity";
    public const string IngestRejected = "IngestRejected";

    public static IReadOnlyList<string> All { get; } = [Gifts, Deals, RecordIds, Activity, IngestRejected];
}
