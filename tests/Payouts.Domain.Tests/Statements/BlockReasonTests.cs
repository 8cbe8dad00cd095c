using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>A blocked statement says why in a code a machine can act on, and names the records involved.</summary>
public sealed class BlockReasonTests
{
    [Fact]
    public void Calculate_WithoutAContractOrRecords_IsBlockedWithNoContractAndNoRecord()
    {
        var statement = StatementCalculator.Calculate(Request([], []) with { ContractVersions = [] });

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.NoContract, reason.Code);
        Assert.Empty(reason.RecordIds);
        Assert.Equal([reason.Message], statement.BlockedReasons);
    }

    [Fact]
    public void Calculate_WithoutAContract_NamesEveryRecordOfTheStatement()
    {
        var gift = Entry(1, 10, At(3)) with { RecordId = "g1" };
        var deal = DealOf(Deal("d1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(4)));

        var statement = StatementCalculator.Calculate(Request([gift], [deal]) with { ContractVersions = [] });

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.NoContract, reason.Code);
        Assert.Equal(["d1", "g1"], reason.RecordIds);
    }

    [Fact]
    public void Calculate_BroughtForwardInAnotherCurrency_NamesNoRecord()
    {
        var gift = Entry(1, 10, At(3)) with { RecordId = "g1" };

        var statement = Calculate(gifts: [gift], broughtForward: new Money(500, Currency.USD));

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.CurrencyMismatch, reason.Code);
        Assert.Empty(reason.RecordIds);
    }

    [Fact]
    public void Calculate_OneDealLineBeyondTheBound_NamesThatDeal_AndTheSubtotalsNameTheirRecords()
    {
        // A KWD deal at the record limit, paid in IDR: its line is 5.37 × 10^16 minor units, past the bound of 10^15.
        var huge = DealOf(Deal("d-kwd", DealType.BrandChallenge, DealAmount.Of(DealRecordReader.MaxAbsoluteAmount, Currency.KWD), At(5)));
        var small = DealOf(Deal("d-idr", DealType.ProductPlacement, DealAmount.Of(1000m, Currency.FromCode("IDR")), At(6)));
        var bonus = DealOf(Deal("b-idr", DealType.EventBonus, DealAmount.Of(1000m, Currency.FromCode("IDR")), At(6)));
        var gift = Entry(1, 10, At(3)) with { RecordId = "g1" };
        var rates = RatesWith(Fx("USD/IDR", 2026, 11, 30, 16_500m), Fx("KWD/IDR", 2026, 11, 30, 53_700m));

        var statement = Calculate(gifts: [gift], deals: [huge, small, bonus], contract: Contract(Currency.FromCode("IDR"), minimum: 0m), rates: rates);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        Assert.All(statement.Blocks, b => Assert.Equal(BlockCodes.TooLarge, b.Code));
        Assert.Equal(["d-kwd"], statement.Blocks.Single(b => b.Message.StartsWith("the line \"Deal: brandChallenge", StringComparison.Ordinal)).RecordIds);
        Assert.Equal(["d-idr", "d-kwd"], statement.Blocks.Single(b => b.Message.StartsWith("the deals subtotal", StringComparison.Ordinal)).RecordIds);
        Assert.Equal(["b-idr", "d-idr", "d-kwd", "g1"], statement.Blocks.Single(b => b.Message.StartsWith("the net", StringComparison.Ordinal)).RecordIds);
        Assert.DoesNotContain(statement.Blocks, b => b.Message.StartsWith("the gifts subtotal", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_GiftsSubtotalBeyondTheBound_NamesTheGiftsOfEveryLine_NotTheDeals()
    {
        // Gifts at the record limits in IDR, across two rate versions (two lines), until their subtotal passes 10^15.
        var max = GiftRecordReader.MaxCoinsPerGift;
        var gifts = Enumerable.Range(0, 26)
            .Select(i => GiftEntry.From(Gift($"g{i:D2}", max, GiftRecordReader.MaxQuantity, At(i < 13 ? 3 : 20)), Paris))
            .ToList();
        var deal = DealOf(Deal("d1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.FromCode("IDR")), At(4)));
        var rates = RatesWith(Fx("USD/IDR", 2026, 11, 30, 16_500m), new RateEntry(RateKind.DiamondsPerCoin, "FR", new NodaTime.LocalDate(2026, 11, 15), 0.5m, "dpc-fr-2026-11-15"));

        var statement = Calculate(gifts: gifts, deals: [deal], contract: Contract(Currency.FromCode("IDR"), minimum: 0m), rates: rates);

        var subtotal = statement.Blocks.Single(b => b.Message.StartsWith("the gifts subtotal", StringComparison.Ordinal));
        Assert.Equal(gifts.Select(g => g.RecordId), subtotal.RecordIds);
        Assert.DoesNotContain("d1", subtotal.RecordIds);
    }

    [Fact]
    public void Calculate_TooLargeToCompute_NamesEveryRecord()
    {
        var huge = GiftEntry.From(Gift("g-huge", int.MaxValue, int.MaxValue, At(5)), Paris);
        var deal = DealOf(Deal("d1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(4)));

        var statement = Calculate(gifts: [huge, huge with { RecordId = "g-huge-2" }, huge with { RecordId = "g-huge-3" }], deals: [deal]);

        var reason = Assert.Single(statement.Blocks);
        Assert.StartsWith("the amounts are too large to compute", reason.Message, StringComparison.Ordinal);
        Assert.Equal(["d1", "g-huge", "g-huge-2", "g-huge-3"], reason.RecordIds);
    }

    [Fact]
    public void Calculate_DealInACurrencyWithoutFx_NamesThatDealOnly()
    {
        var yen = DealOf(Deal("yen-1", DealType.ProductPlacement, DealAmount.Of(5000m, Currency.JPY), At(10)));
        var eur = DealOf(Deal("eur-1", DealType.ProductPlacement, DealAmount.Of(10m, Currency.EUR), At(11)));

        var statement = Calculate(deals: [yen, eur]);

        Assert.Equal(StatementStatus.Blocked, statement.Status);
        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.MissingFx, reason.Code);
        Assert.Equal(["yen-1"], reason.RecordIds);
    }

    [Fact]
    public void Calculate_GiftsOfARegionWithoutRates_NameEveryGiftOfThatLine()
    {
        var gifts = new[] { Entry(1, 10, At(3)) with { RecordId = "g1" }, Entry(5, 1, At(4)) with { RecordId = "g2" } };

        var statement = Calculate(gifts: gifts, contract: Contract(region: "ZZ"));

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.MissingRate, reason.Code);
        Assert.Equal(["g1", "g2"], reason.RecordIds);
    }

    [Fact]
    public void Calculate_BonusInDiamondsWithoutAUsdPerDiamondRate_NamesTheBonus()
    {
        var bonus = DealOf(Deal("b-1", DealType.EventBonus, DealAmount.OfDiamonds(2000m), At(5)));

        var statement = Calculate(deals: [bonus], contract: Contract(region: "ZZ"));

        Assert.Contains(statement.Blocks, r => r.Code == BlockCodes.MissingRate && r.RecordIds.SequenceEqual(["b-1"]));
    }

    [Fact]
    public void Calculate_LateGiftsWithoutRates_NameOnlyThatPeriodsGifts_AndSayWhichPeriod()
    {
        var gifts = new[]
        {
            Entry(1, 10, At(3)) with { RecordId = "nov" },
            Entry(1, 10, NodaTime.Instant.FromUtc(2026, 10, 20, 12, 0)) with { RecordId = "oct" },
        };
        var rates = new RateBook(Builders.Rates().Entries.Where(e => e.Kind != RateKind.DiamondsPerCoin || e.From >= new NodaTime.LocalDate(2026, 11, 1))
            .Append(new RateEntry(RateKind.DiamondsPerCoin, "FR", new NodaTime.LocalDate(2026, 11, 1), 0.5m, "dpc-FR-2026-11")));

        var statement = Calculate(gifts: gifts, rates: rates);

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(["oct"], reason.RecordIds);
        Assert.StartsWith("gifts of 2026-10 cannot be valued", reason.Message, StringComparison.Ordinal);
    }
}
