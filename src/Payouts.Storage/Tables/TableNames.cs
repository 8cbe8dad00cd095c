namespace Payouts.Storage.Tables;

/// <summary>The tables Payouts keeps (docs/storage.md explains each key design).</summary>
public static class TableNames
{
    public const string Gifts = "Gifts";
    public const string Deals = "Deals";
    public const string RecordIds = "RecordIds";
    public const string Activity = "Activity";
    public const string IngestRejected = "IngestRejected";
    public const string Rates = "Rates";
    public const string Creators = "Creators";
    public const string Agencies = "Agencies";
    public const string Periods = "Periods";
    public const string Statements = "Statements";
    public const string StatementsByPeriod = "StatementsByPeriod";
    public const string Outbox = "Outbox";
    public const string PayoutDetails = "PayoutDetails";

    public static IReadOnlyList<string> All { get; } = [Gifts, Deals, RecordIds, Activity, IngestRejected, Rates, Creators, Agencies, Periods, Statements, StatementsByPeriod, Outbox, PayoutDetails];
}
