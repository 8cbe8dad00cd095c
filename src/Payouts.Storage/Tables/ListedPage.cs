namespace Payouts.Storage.Tables;

/// <summary>One page of a listed table range, and the key of its last row when more rows follow (null on the last page).</summary>
public sealed record ListedPage<T>(IReadOnlyList<T> Items, string? LastRowKey)
{
    public bool HasMore => LastRowKey is not null;
}
