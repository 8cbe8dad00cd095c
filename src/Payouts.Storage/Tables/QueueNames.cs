namespace Payouts.Storage.Tables;

/// <summary>Queue names; also used as the queue trigger names of the Functions app.</summary>
public static class QueueNames
{
    public const string GiftsInbound = "gifts-inbound";
    public const string DealsInbound = "deals-inbound";
    public const string StatementJobs = "statement-jobs";
    public const string PayoutStatements = Application.Statements.PayoutStatementMessage.Queue;

    public static IReadOnlyList<string> All { get; } = [GiftsInbound, DealsInbound, StatementJobs, PayoutStatements];

    /// <summary>Where the host moves a message after <c>maxDequeueCount</c> failed attempts.</summary>
    public static string PoisonOf(string queue) => queue + "-poison";
}
