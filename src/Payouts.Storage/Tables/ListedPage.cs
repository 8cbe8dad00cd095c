namespace Payouts.Storage.Tables;

/// <summary>One page of a listed table range, and the key of its last row when more rows follow (null on the last page).</summary>
public sealed record ListedPage<T>(IReadOnlyList<T> Items, string? LastRowKey)
{
    public bool HasMore => LastRowKey is not null;

    /// <summary>The page of <paramref name="pageSize"/> from rows read one past it: a row beyond the page says another page follows.</summary>
    public static ListedPage<T> FromOneMore<TRow>(IReadOnlyList<TRow> rows, int pageSize, Func<TRow, string> keyOf, Func<TRow, T> itemOf) =>
        rows.Count > pageSize
            ? new ListedPage<T>([.. rows.Take(pageSize).Select(itemOf)], keyOf(rows[pageSize - 1]))
            : new ListedPage<T>([.. rows.Select(itemOf)], null);
}
