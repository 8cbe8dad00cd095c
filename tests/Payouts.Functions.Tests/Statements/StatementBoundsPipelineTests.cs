using System.Globalization;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records.Validation;
using Payouts.Functions.Tests.Infrastructure;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// Issue 13.3 through the pipeline (ingest → close → build → reconciliation): records at the per-record limits are
/// issued in the payout currencies with the most minor units per USD (IDR, VND), none (JPY) and three decimals (KWD);
/// a statement whose totals pass the per-statement bound is Blocked with <c>statement-too-large</c>, naming its records,
/// and another creator of the same period is issued.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class StatementBoundsPipelineTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private static readonly string MaxDeal = DealRecordReader.MaxAbsoluteAmount.ToString(CultureInfo.InvariantCulture);

    /// <summary>(currency, USD→currency, the period the case closes: one per case, in the years these tests own).</summary>
    public static TheoryData<string, string, string> Currencies => new()
    {
        { "IDR", "16500", "2085-05" },
        { "VND", "25500", "2085-06" },
        { "JPY", "150", "2085-07" },
        { "KWD", "0.307", "2085-08" },
    };

    [Theory]
    [MemberData(nameof(Currencies))]
    public async Task RecordsAtThePerRecordLimits_AreIssuedAtTheirFullValue(string code, string usdRate, string period)
    {
        var creator = Payloads.Unique("lim" + code.ToLowerInvariant());
        var currency = Currency.FromCode(code);
        SetClock($"{period}-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutRateAsync("fx", $"USD/{code}", usdRate, $"fx-usd-{code.ToLowerInvariant()}-2085", from: "2085-01-01");
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorBodyAsync(creator, CreatorBody(minimumPayout: "50").With("payoutCurrency", code));
        var gift = Payloads.Gift("g", creator, GiftRecordReader.MaxCoinsPerGift, GiftRecordReader.MaxQuantity, $"{period}-10T20:00:00Z");
        var deal = Payloads.Deal("d", creator, MaxDeal, code).With("earnedAt", $"{period}-11T10:00:00Z");
        Assert.Equal(["accepted"], (await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, gift))).Statuses);
        Assert.Equal(["accepted"], (await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, deal))).Statuses);

        await CloseAsync(period);

        // 10^10 coins × 0.5 diamonds × 0.005 USD = 25,000,000 USD, at the period's USD rate, rounded once.
        var header = await TypedHeaderAsync(creator, period);
        Assert.Equal("Issued", header!.Status.ToString());
        var expectedGifts = decimal.Round(25_000_000m * decimal.Parse(usdRate, CultureInfo.InvariantCulture) * currency.MinorPerMajor, MidpointRounding.AwayFromZero);
        Assert.Equal((long)expectedGifts, header.Totals.Gifts);
        Assert.Equal((long)(DealRecordReader.MaxAbsoluteAmount * currency.MinorPerMajor), header.Totals.Deals);
    }

    [Fact]
    public async Task TotalsPastTheStatementBound_BlockedWithStatementTooLargeNamingTheRecords_OtherCreatorIssued()
    {
        // 1,001 deals of 10,000,000,000 IDR (the per-record limit): each line is 10^12 minor units, the deals subtotal
        // 1.001 × 10^15, one deal past the per-statement bound of ±10^15.
        const string period = "2085-03";
        var big = Payloads.Unique("bigidr");
        var fine = Payloads.Unique("fine");
        SetClock("2085-03-20T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorBodyAsync(big, CreatorBody(minimumPayout: "50").With("payoutCurrency", "IDR"));
        await PutCreatorAsync(fine, minimumPayout: "0.00");
        var deals = Enumerable.Range(0, 1001)
            .Select(i => Payloads.Deal($"d{i:D4}", big, MaxDeal, "IDR").With("earnedAt", "2085-03-11T10:00:00Z"))
            .ToList();
        foreach (var chunk in deals.Chunk(1000))
        {
            var response = await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, [.. chunk]));
            Assert.Equal(chunk.Length, response.Body.GetProperty("accepted").GetInt32());
        }

        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", fine, 1000, 2, "2085-03-10T20:00:00Z")));

        await CloseAsync(period);

        var reconciliation = (await GetPeriodAsync(period)).Body;
        var blocked = Assert.Single(reconciliation.GetProperty("blocked").EnumerateArray(), b => b.GetProperty("creatorId").GetString() == big);
        var reason = Assert.Single(blocked.GetProperty("reasons").EnumerateArray());
        Assert.Equal("statement-too-large", reason.GetProperty("code").GetString());
        Assert.StartsWith("the deals subtotal is 10,010,000,000,000.00 IDR, beyond the per-statement bound of ±10,000,000,000,000.00 IDR", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        var named = reason.GetProperty("recordIds").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(deals.Take(100).Select(d => d["recordId"]!.GetValue<string>()), named);
        Assert.Equal(901, reason.GetProperty("moreRecords").GetInt32());
        Assert.DoesNotContain(reconciliation.GetProperty("blocked").EnumerateArray(), b => b.GetProperty("creatorId").GetString() == fine);

        // 2,000 coins × 0.5 × 0.005 USD × 0.92 = 4.60 EUR, issued as if the other creator did not exist.
        var issued = await TypedHeaderAsync(fine, period);
        Assert.Equal("Issued", issued!.Status.ToString());
        Assert.Equal(460, issued.Totals.Gifts);
        Assert.Null(await TypedHeaderAsync(big, period));
    }

    private async Task CloseAsync(string period)
    {
        var next = Domain.Periods.PeriodKey.Parse(period).Next();
        SetClock($"{next}-05T12:00:00Z");
        Assert.Equal(200, (await ClosePeriodAsync(period)).Status);
        await DrainStatementJobsAsync();
    }
}
