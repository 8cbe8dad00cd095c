namespace Payouts.Application.Statements;

/// <summary>The formats every issued statement is stored in, with their media types.</summary>
public static class StatementFormats
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
    };
}
