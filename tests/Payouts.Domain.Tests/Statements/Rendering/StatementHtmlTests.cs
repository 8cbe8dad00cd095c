using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

public sealed class StatementHtmlTests
{
    private static readonly string Worked = StatementHtml.ToHtml(StatementCalculator.Calculate(WorkedExample()));

    private static string WithDeal(string? brand, string? reference)
    {
        var deal = Deal("d-1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(5), brand: brand) with { Reference = reference };
        return StatementHtml.ToHtml(Calculate(deals: [DealOf(deal)]));
    }

    [Fact]
    public void ToHtml_ScriptInBrand_IsEncoded()
    {
        var html = WithDeal("<script>alert('x')</script>", null);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_MarkupInReference_IsEncoded()
    {
        var html = WithDeal("Acme", "<img src=x onerror=alert(1)>\"&");

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;&quot;&amp;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_CorrectionReason_IsEncoded()
    {
        var html = StatementHtml.ToHtml(StatementCalculator.Calculate(WorkedExample() with { CorrectionReason = "<b>late</b> refund" }));
        Assert.Contains("&lt;b&gt;late&lt;/b&gt; refund", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Draft_ShowsTheDraftBanner()
    {
        var html = StatementHtml.ToHtml(StatementCalculator.Calculate(WorkedExample() with { Draft = true }));
        Assert.Contains("<div class=\"draft\">DRAFT", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Issued_HasNoDraftBanner()
    {
        Assert.DoesNotContain("class=\"draft\"", Worked, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT", Worked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ShowsEveryRateUsedWithVersion()
    {
        Assert.Contains("<h2>Rates used</h2>", Worked, StringComparison.Ordinal);
        foreach (var version in new[] { "dpc-FR-2024", "upd-FR-2024", "upc-2024", "fx-USD-EUR-2026-11-30" })
        {
            Assert.Contains($"<td>{version}</td>", Worked, StringComparison.Ordinal);
        }

        Assert.Contains("<td class=\"num\">0.92</td>", Worked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ShowsLinesAndTotalsInTheCurrency()
    {
        Assert.Contains("71.99 EUR", Worked, StringComparison.Ordinal);
        Assert.Contains("-14.40 EUR", Worked, StringComparison.Ordinal);
        Assert.Contains("503.17 EUR", Worked, StringComparison.Ordinal);
        Assert.Contains(StatementCalculator.Calculate(WorkedExample()).ContentHash, Worked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_UnderMinimum_ExplainsTheCarryForward()
    {
        var html = StatementHtml.ToHtml(Calculate(broughtForward: Eur(12.30m)));
        Assert.Contains("Nothing is paid this period", html, StringComparison.Ordinal);
        Assert.Contains("Carried forward", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Blocked_ListsTheReasons()
    {
        var html = StatementHtml.ToHtml(Calculate([Entry(1000, 1, At(10))], contract: Contract(region: "DE")));
        Assert.Contains("Why this statement is blocked", html, StringComparison.Ordinal);
        Assert.Contains("&#39;DE&#39;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_IsSelfContained()
    {
        Assert.StartsWith("<!DOCTYPE html>", Worked, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", Worked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", Worked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", Worked, StringComparison.OrdinalIgnoreCase);
    }
}
