namespace Payouts.Domain.Statements;

/// <summary>
/// Line-by-line differences between two versions of a statement. Lines are matched by what they are (kind,
/// description, original period, record), in order among equals; unchanged lines are left out.
/// </summary>
public static class StatementDiff
{
    public static IReadOnlyList<LineChange> Between(IReadOnlyList<StatementLine> before, IReadOnlyList<StatementLine> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var remaining = before.Select((line, index) => (line, index)).ToList();
        var changes = new List<(int Order, LineChange Change)>();
        for (var i = 0; i < after.Count; i++)
        {
            var line = after[i];
            var match = remaining.FindIndex(r => SameLine(r.line, line));
            if (match < 0)
            {
                changes.Add((i, Change(line, null, line.Amount)));
                continue;
            }

            var previous = remaining[match].line;
            remaining.RemoveAt(match);
            if (previous.Amount != line.Amount)
            {
                changes.Add((i, Change(line, previous.Amount, line.Amount)));
            }
        }

        changes.AddRange(remaining.Select(r => (after.Count + r.index, Change(r.line, r.line.Amount, null))));
        return [.. changes.OrderBy(c => c.Order).Select(c => c.Change)];
    }

    private static bool SameLine(StatementLine a, StatementLine b) =>
        a.Kind == b.Kind && a.Revenue == b.Revenue && a.Description == b.Description && a.OriginalPeriod == b.OriginalPeriod && a.RecordId == b.RecordId;

    private static LineChange Change(StatementLine line, Monetary.Money? before, Monetary.Money? after) =>
        new(line.Kind, line.Description, line.OriginalPeriod, line.RecordId, before, after);
}
