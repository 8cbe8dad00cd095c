using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Golden;

/// <summary>The statements kept as golden fixtures: DOMAIN.md §5, one that uses every kind of line, its reissue, and voids.</summary>
internal static class GoldenStatements
{
    public const string WorkedExample = "worked-example";
    public const string Rich = "rich";
    public const string Reissue = "reissue";
    public const string Voids = "voids";

    /// <summary>When the builder would have issued them (the documents show it; the content hash leaves it out).</summary>
    public static readonly Instant IssuedAt = Instant.FromUtc(2026, 12, 2, 23, 5);

    public static Statement Of(string name) => name switch
    {
        WorkedExample => StatementCalculator.Calculate(Builders.WorkedExample()) with { IssuedAt = IssuedAt },
        Rich => StatementCalculator.Calculate(RichRequest()) with { IssuedAt = IssuedAt },
        Reissue => StatementCalculator.Calculate(ReissueRequest()) with { IssuedAt = IssuedAt + Duration.FromDays(3) },
        Voids => StatementCalculator.Calculate(VoidsRequest()) with { IssuedAt = IssuedAt },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>
    /// The rich statement reissued as v2 from the same records: the diamondsPerCoin change of the 16th was published by
    /// mistake (so the two gift lines become one) and GBP→EUR is corrected; the diff lists changed, added and gone lines.
    /// </summary>
    private static StatementRequest ReissueRequest()
    {
        var v1 = StatementCalculator.Calculate(RichRequest());
        return RichRequest() with
        {
            Id = v1.Id.NextVersion(),
            Rates = RatesWith(Fx("GBP/EUR", 2026, 11, 28, 1.1498m)),
            CorrectionReason = "the diamondsPerCoin change of 16 November was published by mistake; GBP→EUR corrected",
            Previous = new PreviousVersion(v1.Version, v1.Lines, v1.Totals!.Payable),
        };
    }

    /// <summary>
    /// lea in November after October's statement counted records that were then voided: a gift partly refunded before
    /// its void (the void takes back the 2 of 3 left), a deal in GBP with its own commission rate and a diamond bonus;
    /// beside them a November gift, a November deal and a late October gift (a plain prior-period adjustment).
    /// </summary>
    private static StatementRequest VoidsRequest()
    {
        var october = Instant.FromUtc(2026, 10, 14, 18, 30);
        var gifts = new[]
        {
            GiftEntry.From(Gift("g-roses", 1, 500, At(4), liveId: "live-1104", giftId: "rose"), Paris),
            GiftEntry.From(Gift("g-late-heart", 5, 20, Instant.FromUtc(2026, 10, 29, 20, 0), liveId: "live-1029", giftId: "finger-heart"), Paris),
            GiftEntry.ForVoid(new GiftVoid(Gift("g-galaxies", 1000, 3, october, liveId: "live-1014", giftId: "galaxy"), 2), Paris),
        };
        var deals = new[]
        {
            DealOf(Deal("d-placement", DealType.ProductPlacement, DealAmount.Of(400.00m, Currency.EUR), At(9))),
            DealEntry.ForVoid(Deal("d-live-uk", DealType.SponsoredLive, DealAmount.Of(120.00m, Currency.FromCode("GBP")), october, brand: "Brit & Co", commission: new Share(0.12m)), Paris),
            DealEntry.ForVoid(Deal("b-diamonds", DealType.EventBonus, DealAmount.OfDiamonds(1_000m), october), Paris),
        };
        return Request(gifts, deals, null, Contract(minimum: 50m), RatesWith(Fx("GBP/EUR", 2026, 11, 28, 1.1537m)));
    }

    /// <summary>
    /// lea in November with: a diamondsPerCoin change on the 16th (two gift lines), a refund of a gift before the change
    /// (valued at the old rate), a late October gift and a late October deal (prior-period adjustments, October's rates
    /// and November's FX), deals in EUR and GBP, one with the deal's own commission rate, a diamond bonus and a money
    /// bonus in USD, 10 % withholding and a negative balance brought forward.
    /// </summary>
    internal static StatementRequest RichRequest()
    {
        var rates = RatesWith(
            new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 11, 16), 0.55m, "dpc-FR-2026-11-16"),
            Fx("GBP/EUR", 2026, 11, 28, 1.1537m));
        var universe = Gift("g-universe", 44_999, 1, At(3), liveId: "live-1103", giftId: "universe");
        var gifts = new[]
        {
            GiftEntry.From(Gift("g-roses", 1, 1_250, At(2), liveId: "live-1102", giftId: "rose"), Paris),
            GiftEntry.From(universe, Paris),
            GiftEntry.From(Gift("g-roses-late-night", 1, 40, At(2, 23), liveId: "live-1102", giftId: "rose"), Paris),
            GiftEntry.From(Gift("g-lion", 29_999, 2, At(20), liveId: "live-1120", giftId: "lion"), Paris),
            GiftEntry.From(Gift("g-heart-streak", 5, 37, At(25, 21), liveId: null, giftId: "finger-heart"), Paris),
            GiftEntry.ForRefund(Gift("r-universe", 44_999, 1, At(18), GiftKind.Refund, "g-universe", liveId: null, giftId: "universe"), universe, Paris),
            GiftEntry.From(Gift("g-late-galaxy", 1000, 3, Instant.FromUtc(2026, 10, 30, 19, 0), liveId: "live-1030", giftId: "galaxy"), Paris),
        };
        var deals = new[]
        {
            DealOf(Deal("d-placement", DealType.ProductPlacement, DealAmount.Of(1250.00m, Currency.EUR), At(6))),
            DealOf(Deal("d-live-uk", DealType.SponsoredLive, DealAmount.Of(480.50m, Currency.FromCode("GBP")), At(12), brand: "Brit & Co", commission: new Share(0.12m))),
            DealOf(Deal("d-challenge-late", DealType.BrandChallenge, DealAmount.Of(99.99m, Currency.EUR), Instant.FromUtc(2026, 10, 28, 9, 0))),
            DealOf(Deal("b-diamonds", DealType.EventBonus, DealAmount.OfDiamonds(3_500.5m), At(22))),
            DealOf(Deal("b-cash", DealType.EventBonus, DealAmount.Of(25.00m, Currency.USD), At(27))),
        };
        var contract = Contract(withholding: 0.10m, minimum: 50m) with { DisplayName = "Léa <Martin> & Co" };
        return Request(gifts, deals, new Money(-4_321, Currency.EUR), contract, rates);
    }
}
