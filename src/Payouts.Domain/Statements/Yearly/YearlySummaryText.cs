using System.Globalization;

namespace Payouts.Domain.Statements.Yearly;

/// <summary>Words of the yearly summary shared by its HTML and PDF.</summary>
public static class YearlySummaryText
{
    public static string Title(YearlySummary summary) => $"Yearly summary {summary.Year.ToString(CultureInfo.InvariantCulture)}";

    public static string MonthName(int year, int month) => new NodaTime.LocalDate(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Status(YearStatement statement) =>
        statement.SupersededBy is { } by ? $"Superseded by v{by.ToString(CultureInfo.InvariantCulture)}" : Rendering.StatementText.Status(statement.Figures.Status);

    public static string Empty(YearlySummary summary) =>
        $"No statement was issued for {summary.CreatorName} for a period ending in {summary.Year.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>Why a superseded version is listed and not counted.</summary>
    public const string SupersededNote = "A superseded version was replaced by a correction; only the latest version of a period is counted.";

    public const string MonthsNote = "A statement counts in the month its period ends; months without a statement are zero.";
}
