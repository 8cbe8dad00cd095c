using System.Globalization;
using System.Text.Json;

namespace Payouts.DevHost.Demo;

/// <summary>The figures of one issued statement, read from its JSON document.</summary>
public sealed record StatementFigures(
    string StatementId,
    string CreatorId,
    string Currency,
    string Status,
    long Coins,
    decimal Gifts,
    decimal Deals,
    decimal Bonuses,
    decimal AgencyCommission,
    decimal Net,
    decimal Payable,
    decimal CarriedForward)
{
    public static StatementFigures Parse(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var totals = root.GetProperty("totals");
        decimal Total(string name) => decimal.Parse(totals.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        var coins = root.TryGetProperty("giftSummary", out var gifts) ? gifts.GetProperty("coins").GetInt64() : 0;
        return new StatementFigures(
            root.GetProperty("statementId").GetString()!,
            root.GetProperty("creatorId").GetString()!,
            root.GetProperty("currency").GetString()!,
            root.GetProperty("status").GetString()!,
            coins,
            Total("gifts"),
            Total("deals"),
            Total("bonuses"),
            Total("agencyCommission"),
            Total("net"),
            Total("payable"),
            Total("carriedForward"));
    }

    public bool Matches(DemoExpectation expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return Currency == expected.Currency && Coins == expected.Coins && Gifts == expected.Gifts && Deals == expected.Deals && Bonuses == expected.Bonuses
            && AgencyCommission == expected.AgencyCommission && Net == expected.Net && Payable == expected.Payable && CarriedForward == expected.CarriedForward
            && string.Equals(Status, expected.Status, StringComparison.OrdinalIgnoreCase);
    }
}
