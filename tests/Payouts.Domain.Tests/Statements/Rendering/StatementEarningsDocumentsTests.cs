using System.Globalization;
using System.Text.Json;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

/// <summary>The reader's additions in the machine formats: display name, payout date, earnings by day, LIVE and gift, rate dates.</summary>
public sealed class StatementEarningsDocumentsTests
{
    private static readonly Statement Named = StatementCalculator.Calculate(WorkedExample() with { ContractVersions = Builders.Contracts(LeaContract() with { DisplayName = "Léa" }) });
    private static readonly string[] DayFields = ["gifts", "deals", "bonuses", "total"];
    private static readonly List<List<string>> Rows = CsvReader.Rows(StatementCsv.ToCsv(Named));

    private static JsonElement Root(Statement statement)
    {
        using var document = JsonDocument.Parse(StatementJson.ToUtf8(statement));
        return document.RootElement.Clone();
    }

    private static List<List<string>> Table(string header) =>
        [.. Rows.SkipWhile(r => r[0] != header).Skip(1).TakeWhile(r => r.Count > 1)];

    [Fact]
    public void Json_HasTheNameAfterTheIdAndThePayoutDate()
    {
        var root = Root(Named);
        var names = root.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(names.IndexOf("creatorId") + 1, names.IndexOf("displayName"));
        Assert.Equal("Léa", root.GetProperty("displayName").GetString());
        Assert.Equal("2026-12-05", root.GetProperty("payoutDate").GetString());
        Assert.False(Root(Calculate([Entry(1000, 1, At(3))])).TryGetProperty("payoutDate", out _));
    }

    [Fact]
    public void Json_Earnings_HaveEveryDayTheLivesAndTheTopGifts()
    {
        var earnings = Root(Named).GetProperty("earnings");
        var days = earnings.GetProperty("days").EnumerateArray().ToList();
        var day12 = days.Single(d => d.GetProperty("date").GetString() == "2026-11-12");
        var live = earnings.GetProperty("lives").EnumerateArray().First();
        var top = earnings.GetProperty("topGifts").EnumerateArray().First();

        Assert.Equal(30, days.Count);
        Assert.Equal(["69.00", "0.00", "0.00", "69.00"], DayFields.Select(p => day12.GetProperty(p).GetString()));
        Assert.Equal(("live-03", "2026-11-03", 300, 300, "0.69"), (live.GetProperty("liveId").GetString(), live.GetProperty("firstDay").GetString(), live.GetProperty("gifts").GetInt64(), live.GetProperty("coins").GetInt64(), live.GetProperty("amount").GetString()));
        Assert.Equal(("lion", 1, 29_999, "69.00"), (top.GetProperty("giftId").GetString(), top.GetProperty("gifts").GetInt64(), top.GetProperty("coins").GetInt64(), top.GetProperty("amount").GetString()));
    }

    [Fact]
    public void Json_GiftsOutsideALive_HaveANullLiveId()
    {
        var statement = Calculate([GiftEntry.From(Gift("g", 1000, 1, At(3), liveId: null), Paris)]);
        Assert.Equal(JsonValueKind.Null, Root(statement).GetProperty("earnings").GetProperty("lives")[0].GetProperty("liveId").ValueKind);
    }

    [Fact]
    public void Json_DealLinesHaveTheirDay_AndRatesTheirFirstDay()
    {
        var lines = Root(Named).GetProperty("lines");

        Assert.Equal("2026-11-15", lines[1].GetProperty("earnedOn").GetString());
        Assert.False(lines[0].TryGetProperty("earnedOn", out _));
        Assert.Equal("2024-01-01", lines[0].GetProperty("rates")[0].GetProperty("from").GetString());
        Assert.False(lines[1].GetProperty("rates")[0].TryGetProperty("from", out _));
    }

    [Fact]
    public void Csv_HeaderHasTheNameAndThePayoutDate()
    {
        Assert.Equal(["displayName", "Léa"], Rows.Single(r => r[0] == "displayName"));
        Assert.Equal(["payoutDate", "2026-12-05"], Rows.Single(r => r[0] == "payoutDate"));
    }

    [Fact]
    public void Csv_DaysLivesAndTopGifts_AreTablesOfTheirOwn()
    {
        var days = Table("day");
        var lives = Table("liveId");
        var gifts = Table("topGift");

        Assert.Equal(30, days.Count);
        Assert.Equal(["2026-11-15", "0.00", "500.00", "0.00", "500.00"], days[14]);
        Assert.Equal(Named.Totals!.Gross.Amount, days.Sum(d => decimal.Parse(d[4], CultureInfo.InvariantCulture)));
        Assert.Equal(["live-12", "2026-11-12", "1", "29999", "69.00"], lives[2]);
        Assert.Equal(["lion", "1", "29999", "69.00"], gifts[0]);
        Assert.Equal(3, gifts.Count);
    }

    [Fact]
    public void Csv_RatesUsed_HaveTheirFirstDay_AndTheirWords()
    {
        var rates = Table("rate");

        Assert.Contains(["diamondsPerCoin", "dpc-FR-2024", "2024-01-01", "0.5"], rates);
        Assert.Contains(["agencyCommission.gifts", "contract", string.Empty, "0.2"], rates);
        Assert.Contains(["rateInWords", "1 coin = 0.5 diamonds from 2024-01-01 (version dpc-FR-2024)"], Rows);
    }

    [Fact]
    public void Csv_OutsideALive_IsNamedSo()
    {
        var csv = StatementCsv.ToCsv(Calculate([GiftEntry.From(Gift("g", 1000, 1, At(3), liveId: null), Paris)]));
        Assert.Contains("\r\noutside a LIVE,2026-11-03,1,1000,2.30\r\n", csv, StringComparison.Ordinal);
    }
}
