namespace Payouts.Functions.Admin;

/// <summary>A period's stored records by where they were counted. Once every statement is issued, <see cref="Unsettled"/> is 0.</summary>
internal sealed class RecordReconciliation
{
    public long Stored { get; private set; }

    public long SettledHere { get; private set; }

    public long SettledLater { get; private set; }

    public long Unsettled => Stored - SettledHere - SettledLater;

    public void Add(string? settledIn, string ownStatementId)
    {
        Stored++;
        if (settledIn == ownStatementId)
        {
            SettledHere++;
        }
        else if (!string.IsNullOrEmpty(settledIn))
        {
            SettledLater++;
        }
    }
}
