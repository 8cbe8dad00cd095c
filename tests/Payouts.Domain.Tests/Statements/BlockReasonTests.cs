using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

/// <summary>A blocked statement says why in a code a machine can act on, and names the records involved.</summary>
public sealed class BlockReasonTests
{
    [Fact]
    public void Calculate_WithoutAContract_IsBlockedWithNoContractAndNoRecord()
    {
        var statement = StatementCalculator.Calculate(Request([], []) with { ContractVersions = [] });

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(BlockCodes.NoContract, reason.Code);
        Assert.Empty(reason.RecordIds);
        Assert.Equal([reason.Message], statement.BlockedReasons);
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
        var rates = new Payouts.Domain.Rates.RateBook(Builders.Rates().Entries.Where(e => e.Kind != Payouts.Domain.Rates.RateKind.DiamondsPerCoin || e.From >= new NodaTime.LocalDate(2026, 11, 1))
            .Append(new Payouts.Domain.Rates.RateEntry(Payouts.Domain.Rates.RateKind.DiamondsPerCoin, "FR", new NodaTime.LocalDate(2026, 11, 1), 0.5m, "dpc-FR-2026-11")));

        var statement = Calculate(gifts: gifts, rates: rates);

        var reason = Assert.Single(statement.Blocks);
        Assert.Equal(["oct"], reason.RecordIds);
        Assert.StartsWith("gifts of 2026-10 cannot be valued", reason.Message, StringComparison.Ordinal);
    }
}
