using NodaTime;
using Payouts.Domain.Agencies;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Agencies;

/// <summary>Agency nova's November 2026: creator statements computed by the real calculator, handed over as the store would.</summary>
internal static class AgencyBuilders
{
    public static readonly AgencyStatementId NovaNovember = new("nova", November, 1);

    public static readonly CommissionRates NovaRates = new(new Share(0.20m), new Share(0.15m), new Share(0.10m));

    /// <summary>A creator's statement: <paramref name="request"/> computed as creator <paramref name="creatorId"/>.</summary>
    public static Statement StatementOf(string creatorId, StatementRequest request, int version = 1) =>
        StatementCalculator.Calculate(request with { Id = new StatementId(creatorId, request.Id.Period, version) });

    public static CreatorStatementInput InputOf(Statement statement, CommissionRates? rates = null) => new(
        statement.Id,
        statement.ContentHash,
        statement.Status,
        statement.Currency!,
        rates ?? NovaRates,
        statement.Lines,
        statement.Totals!.AgencyCommission);

    public static AgencyStatementRequest AgencyRequest(IEnumerable<CreatorStatementInput> statements, IEnumerable<BlockedCreator>? blocked = null) =>
        new(NovaNovember, "Europe/Paris", [.. statements], [.. blocked ?? []]);

    /// <summary>DOMAIN.md §5: commission 14.40 + 75.00 + 0.92 on November's own records.</summary>
    public static Statement Lea() => StatementOf("lea", WorkedExample());

    /// <summary>
    /// max: a November gift and deal, a late October gift and deal (prior-period adjustments), a deal at its own 12 %
    /// rate and a refund of an October gift: every part of the split.
    /// </summary>
    public static Statement Max()
    {
        var octoberGift = Gift("g-oct", 1000, 3, Instant.FromUtc(2026, 10, 30, 19, 0));
        var gifts = new[]
        {
            GiftEntry.From(Gift("g-nov", 29_999, 1, At(4)), Paris),
            GiftEntry.From(octoberGift, Paris),
            GiftEntry.ForRefund(Gift("r-oct", 1000, 1, At(6), GiftKind.Refund, "g-oct"), octoberGift, Paris),
        };
        var deals = new[]
        {
            DealOf(Deal("d-nov", DealType.ProductPlacement, DealAmount.Of(333.33m, Currency.EUR), At(8))),
            DealOf(Deal("d-own", DealType.SponsoredLive, DealAmount.Of(250.05m, Currency.EUR), At(9), commission: new Share(0.12m))),
            DealOf(Deal("d-oct", DealType.BrandChallenge, DealAmount.Of(99.99m, Currency.EUR), Instant.FromUtc(2026, 10, 28, 9, 0))),
            DealOf(Deal("d-oct-own", DealType.BrandChallenge, DealAmount.Of(10.05m, Currency.EUR), Instant.FromUtc(2026, 10, 29, 9, 0), commission: new Share(0.12m))),
            DealOf(Deal("b-oct", DealType.EventBonus, DealAmount.OfDiamonds(1_001m), Instant.FromUtc(2026, 10, 27, 9, 0))),
        };
        return StatementOf("max", Request(gifts, deals, contract: Contract(minimum: 0m)));
    }

    /// <summary>ines: one small deal, under the 50.00 minimum: carried forward, its commission charged all the same.</summary>
    public static Statement Ines() =>
        StatementOf("ines", Request([], [DealOf(Deal("d-small", DealType.ProductPlacement, DealAmount.Of(20.00m, Currency.EUR), At(11)))]));

    /// <summary>yuki: paid in JPY (no minor units), for totals per currency.</summary>
    public static Statement Yuki() =>
        StatementOf("yuki", Request([Entry(10_000, 3, At(12))], [], contract: Contract(currency: Currency.JPY, minimum: 0m),
            rates: RatesWith(Fx("USD/JPY", 2026, 11, 30, 151.37m))));

    public static BlockedCreator Noor() => new("noor", [BlockCodes.MissingRate]);
}
