using System.Text.RegularExpressions;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

/// <summary>What a creator reads: the name, the payable first, when it was earned (chart, LIVEs, top gifts), rates in words, a phone layout.</summary>
public sealed partial class StatementHtmlReaderTests
{
    private static readonly Statement WorkedStatement = StatementCalculator.Calculate(WorkedExample());
    private static readonly string Worked = StatementHtml.ToHtml(WorkedStatement);

    private static string Named(string displayName) =>
        StatementHtml.ToHtml(StatementCalculator.Calculate(WorkedExample() with { ContractVersions = Builders.Contracts(LeaContract() with { DisplayName = displayName }) }));

    [Fact]
    public void ToHtml_DisplayName_IsShownEncodedInTitleAndHeading_WithTheIdBeside()
    {
        var html = Named("Léa <b>&</b>");

        Assert.Contains("<title>Payout statement 2026-11 — L&#233;a &lt;b&gt;&amp;&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"creator\">L&#233;a &lt;b&gt;&amp;&lt;/b&gt; <span class=\"muted\">(lea)</span></p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_NoDisplayName_ShowsTheCreatorIdOnce() =>
        Assert.Contains("<p class=\"creator\">lea</p>", Worked, StringComparison.Ordinal);

    [Fact]
    public void ToHtml_Payable_IsBigAndComesBeforeTheChartAndTheLines()
    {
        var payable = Worked.IndexOf("<section class=\"payable\"", StringComparison.Ordinal);

        Assert.Contains("<p class=\"amount\">503.17 EUR</p><p>Paid on 2026-12-05.</p>", Worked, StringComparison.Ordinal);
        Assert.InRange(payable, 0, Worked.IndexOf("<svg", StringComparison.Ordinal));
        Assert.True(payable < Worked.IndexOf("<h2>Lines</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_CarriedForward_SaysNothingIsPaidAndWhy()
    {
        var html = StatementHtml.ToHtml(Calculate([Entry(1000, 1, At(3))]));

        Assert.Contains("<p class=\"amount\">0.00 EUR</p><p>Nothing is paid this period: the balance of 1.84 EUR is below the minimum payout of 50.00 EUR and is carried forward to your next statement.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Chart_IsAnAccessibleSvgWithABarPerDayWithEarnings()
    {
        var svg = Worked[Worked.IndexOf("<svg", StringComparison.Ordinal)..(Worked.IndexOf("</svg>", StringComparison.Ordinal) + 6)];

        Assert.Contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-title\">Earnings by day, 2026-11</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"chart-desc\">30 days, 5 with earnings; the best day 2026-11-15: 500.00 EUR.", svg, StringComparison.Ordinal);
        Assert.Equal(5, RectPattern().Count(svg));
        Assert.Contains("<title>2026-11-12: 69.00 EUR</title>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("script", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToHtml_ChartTable_ListsTheDaysWithEarnings()
    {
        Assert.Contains("<tr><td>2026-11-12</td><td class=\"num\">69.00 EUR</td><td class=\"num\">0.00 EUR</td><td class=\"num\">0.00 EUR</td><td class=\"num\">69.00 EUR</td></tr>", Worked, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>2026-11-13</td>", Worked, StringComparison.Ordinal);
        Assert.Contains("<details><summary>The same as a table</summary>", Worked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_ANegativeDay_IsDrawnInRedBelowTheLine()
    {
        var html = StatementHtml.ToHtml(Calculate(deals: [DealOf(Deal("d", DealType.ProductPlacement, DealAmount.Of(-10m, Currency.EUR), At(4)))]));

        Assert.Contains("fill=\"#9b1c1c\"><title>2026-11-04: -10.00 EUR</title>", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"neg\"><td>2026-11-04</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Lives_HaveOneRowEachAndGiftsOutsideALiveLast()
    {
        var html = StatementHtml.ToHtml(Calculate([
            GiftEntry.From(Gift("a", 1000, 2, At(3), liveId: "<live>"), Paris), GiftEntry.From(Gift("b", 1000, 1, At(4), liveId: null), Paris)]));

        Assert.Contains("<tr><td>&lt;live&gt;</td><td>2026-11-03</td><td class=\"num\">2</td><td class=\"num\">2,000</td><td class=\"num\">4.60 EUR</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>outside a LIVE</td><td>2026-11-04</td><td class=\"num\">1</td><td class=\"num\">1,000</td><td class=\"num\">2.30 EUR</td></tr>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("&lt;live&gt;", StringComparison.Ordinal) < html.IndexOf("outside a LIVE", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_TopGifts_AreListedByAmount()
    {
        Assert.Contains("<h2>Top gifts</h2>", Worked, StringComparison.Ordinal);
        Assert.Contains("<tr><td>lion</td><td class=\"num\">1</td><td class=\"num\">29,999</td><td class=\"num\">69.00 EUR</td></tr>", Worked, StringComparison.Ordinal);
        Assert.True(Worked.IndexOf("<td>lion</td>", StringComparison.Ordinal) < Worked.IndexOf("<td>rose</td>", StringComparison.Ordinal));
    }

    [Fact]
    public void ToHtml_OnlyDeals_HasNoLiveOrTopGiftTables()
    {
        var html = StatementHtml.ToHtml(Calculate(deals: [DealOf(Deal("d", DealType.ProductPlacement, DealAmount.Of(100m, Currency.EUR), At(4)))]));

        Assert.DoesNotContain("<h2>Your LIVEs</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Top gifts</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Earnings by day</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RatesInWords_AreAList()
    {
        Assert.Contains("<li>1 coin = 0.5 diamonds from 2024-01-01 (version dpc-FR-2024)</li>", Worked, StringComparison.Ordinal);
        Assert.Contains("<li>USD→EUR 0.92 from 2026-11-30 (version fx-USD-EUR-2026-11-30)</li>", Worked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_EveryTable_ScrollsInItsOwnBox_AndThePageFitsAPhone()
    {
        Assert.Equal(TablePattern().Count(Worked), Worked.Split("<div class=\"scroll\"><table>").Length - 1);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", Worked, StringComparison.Ordinal);
        Assert.Contains(".scroll{overflow-x:auto;max-width:100%}", Worked, StringComparison.Ordinal);
        Assert.Contains("svg.chart{display:block;width:100%;", Worked, StringComparison.Ordinal);
        Assert.Contains("@media print{", Worked, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Lines_HaveTheirDetailsUnderTheDescription() =>
        Assert.Contains("Deal: productPlacement, Acme (ref-d-placement)<div class=\"detail\">500 EUR &#183; d-placement &#183; 2026-11-15</div></td><td class=\"num\">500.00 EUR</td>", Worked, StringComparison.Ordinal);

    [GeneratedRegex("<rect ")]
    private static partial Regex RectPattern();

    [GeneratedRegex("<table")]
    private static partial Regex TablePattern();
}
