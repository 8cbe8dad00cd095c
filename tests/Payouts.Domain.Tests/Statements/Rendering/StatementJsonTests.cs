using System.Security.Cryptography;
using System.Text.Json;
using NodaTime;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Tests.Statements.Rendering;

public sealed class StatementJsonTests
{
    private static readonly Statement Worked = StatementCalculator.Calculate(Builders.WorkedExample());

    private static JsonElement Root(Statement statement, StatementJson.Content content = StatementJson.Content.Full)
    {
        using var document = JsonDocument.Parse(StatementJson.ToUtf8(statement, content));
        return document.RootElement.Clone();
    }

    [Fact]
    public void ToUtf8_Full_HasTheFixedPropertyOrder() =>
        Assert.Equal(
            ["statementId", "creatorId", "period", "zone", "version", "status", "currency", "agencyId", "contractVersion",
             "lines", "totals", "payoutDate", "giftSummary", "earnings", "ratesUsed", "blockedReasons", "contentHash"],
            Root(Worked).EnumerateObject().Select(p => p.Name));

    [Fact]
    public void ToUtf8_Issued_WritesIssuedAtAfterTheContract()
    {
        var names = Root(Worked with { IssuedAt = Instant.FromUtc(2026, 12, 3, 1, 0) }).EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.IndexOf("contractVersion") + 1, names.IndexOf("issuedAt"));
        Assert.Equal("2026-12-03T01:00:00Z", Root(Worked with { IssuedAt = Instant.FromUtc(2026, 12, 3, 1, 0) }).GetProperty("issuedAt").GetString());
    }

    [Fact]
    public void ToUtf8_HashedOnly_LeavesOutHashAndIssueTimeAndIsCompact()
    {
        var bytes = StatementJson.ToUtf8(Worked with { IssuedAt = Instant.FromUtc(2026, 12, 3, 1, 0) }, StatementJson.Content.HashedOnly);
        var root = Root(Worked, StatementJson.Content.HashedOnly);

        Assert.False(root.TryGetProperty("contentHash", out _));
        Assert.False(root.TryGetProperty("issuedAt", out _));
        Assert.DoesNotContain((byte)'\n', bytes);
    }

    [Fact]
    public void ContentHash_IsSha256OfTheHashedOnlyDocument()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(StatementJson.ToUtf8(Worked, StatementJson.Content.HashedOnly)));
        Assert.Equal(expected, Worked.ContentHash);
        Assert.Equal(expected, Root(Worked).GetProperty("contentHash").GetString());
    }

    [Fact]
    public void ToUtf8_SameStatement_IsByteForByteTheSame() =>
        Assert.Equal(StatementJson.ToUtf8(Worked), StatementJson.ToUtf8(StatementCalculator.Calculate(Builders.WorkedExample())));

    [Fact]
    public void ToUtf8_AmountsAndDecimals_AreExactStrings()
    {
        var root = Root(Worked);
        var gifts = root.GetProperty("lines")[0];

        Assert.Equal("71.99", gifts.GetProperty("amount").GetString());
        Assert.Equal(31_299, gifts.GetProperty("coins").GetInt64());
        Assert.Equal("15649.5", gifts.GetProperty("diamonds").GetString());
        Assert.Equal("78.2475", gifts.GetProperty("usd").GetString());
        Assert.Equal("503.17", root.GetProperty("totals").GetProperty("payable").GetString());
        Assert.Equal("-90.32", root.GetProperty("totals").GetProperty("agencyCommission").GetString());
        Assert.Equal("328.6395", root.GetProperty("giftSummary").GetProperty("grossGiftUsd").GetString());
    }

    [Fact]
    public void ToUtf8_Lines_AreNumberedWithCamelCaseKinds()
    {
        var lines = Root(Worked).GetProperty("lines").EnumerateArray().ToList();

        Assert.Equal(Enumerable.Range(1, 6), lines.Select(l => l.GetProperty("number").GetInt32()));
        Assert.Equal(["gifts", "deal", "bonus", "agencyCommission", "agencyCommission", "agencyCommission"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal("gifts", lines[0].GetProperty("revenue").GetString());
    }

    [Fact]
    public void ToUtf8_DealAndBonusLines_ShowTheirSourceAmount()
    {
        var lines = Root(Worked).GetProperty("lines");

        Assert.Equal("500", lines[1].GetProperty("sourceAmount").GetProperty("value").GetString());
        Assert.Equal("EUR", lines[1].GetProperty("sourceAmount").GetProperty("unit").GetString());
        Assert.Equal("DIAMOND", lines[2].GetProperty("sourceAmount").GetProperty("unit").GetString());
        Assert.Equal("0.2", lines[3].GetProperty("rate").GetString());
        Assert.Equal("71.99", lines[3].GetProperty("base").GetString());
    }

    [Fact]
    public void ToUtf8_RatesUsed_NameVersionAndValue()
    {
        var rates = Root(Worked).GetProperty("ratesUsed").EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()}|{r.GetProperty("versionId").GetString()}|{r.GetProperty("value").GetString()}")
            .ToList();

        Assert.Contains("diamondsPerCoin|dpc-FR-2024|0.5", rates);
        Assert.Contains("fx USD→EUR|fx-USD-EUR-2026-11-30|0.92", rates);
        Assert.Contains("usdPerDiamond|upd-FR-2024|0.005", rates);
        Assert.Equal(rates.Distinct().Count(), rates.Count);
    }

    [Fact]
    public void ToUtf8_StatusNames_AreCamelCase() =>
        Assert.Equal("carriedForward", Root(Builders.Calculate(broughtForward: Builders.Eur(1m))).GetProperty("status").GetString());

    [Fact]
    public void ToUtf8_Blocked_HasReasonsAndNoTotals()
    {
        var blocked = Builders.Calculate([Builders.Entry(1000, 1, Builders.At(10))], contract: Builders.Contract(region: "DE"));
        var root = Root(blocked);

        Assert.Equal("blocked", root.GetProperty("status").GetString());
        Assert.False(root.TryGetProperty("totals", out _));
        Assert.NotEmpty(root.GetProperty("blockedReasons").EnumerateArray());
    }

    [Fact]
    public void ToUtf8_CorrectionReason_IsWritten() =>
        Assert.Equal("late refund", Root(Worked with { CorrectionReason = "late refund" }).GetProperty("correctionReason").GetString());

    [Theory]
    [InlineData("71.9877", "71.9877")]
    [InlineData("15649.50", "15649.5")]
    [InlineData("0.0050", "0.005")]
    [InlineData("-14.40", "-14.4")]
    [InlineData("100", "100")]
    [InlineData("-0.0", "0")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void FormatDecimal_IsExactWithoutTrailingZerosOrExponent(string value, string expected) =>
        Assert.Equal(expected, StatementJson.FormatDecimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
