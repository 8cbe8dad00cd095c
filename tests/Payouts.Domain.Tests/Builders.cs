using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests;

/// <summary>Test data for the DOMAIN.md §5 world: creator lea (FR, EUR, agency nova), period 2026-11 in Europe/Paris.</summary>
internal static class Builders
{
    public static readonly PeriodCalendar Paris = new(PeriodKind.Monthly, DateTimeZoneProviders.Tzdb["Europe/Paris"], Duration.FromDays(2));
    public static readonly PeriodKey November = PeriodKey.Month(2026, 11);
    public static readonly PeriodKey October = PeriodKey.Month(2026, 10);

    public static RateBook Rates(decimal usdToEur = 0.92m) => new(
    [
        new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2024, 1, 1), 0.5m, "dpc-FR-2024"),
        new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2024, 1, 1), 0.005m, "upd-FR-2024"),
        new RateEntry(RateKind.UsdPerCoinReference, string.Empty, new LocalDate(2024, 1, 1), 0.0105m, "upc-2024"),
        new RateEntry(RateKind.Fx, "USD/EUR", new LocalDate(2026, 11, 30), usdToEur, "fx-USD-EUR-2026-11-30"),
        new RateEntry(RateKind.Fx, "USD/EUR", new LocalDate(2026, 10, 31), 0.90m, "fx-USD-EUR-2026-10-31"),
    ]);

    /// <summary>The §5 rates plus more versions or pairs.</summary>
    public static RateBook RatesWith(params RateEntry[] extra) => new(Rates().Entries.Concat(extra));

    public static RateEntry Fx(string pair, int year, int month, int day, decimal value) =>
        new(RateKind.Fx, pair, new LocalDate(year, month, day), value, $"fx-{pair.Replace('/', '-')}-{year}-{month:D2}-{day:D2}");

    public static CreatorContract Contract(
        Currency? currency = null,
        decimal minimum = 50m,
        decimal withholding = 0m,
        CommissionRates? commission = null,
        string region = "FR") =>
        LeaContract(currency, minimum, withholding) with
        {
            Region = region,
            AgencyCommission = commission ?? new CommissionRates(new Share(0.20m), new Share(0.15m), new Share(0.10m)),
        };

    public static Statement Calculate(
        IReadOnlyList<GiftEntry>? gifts = null,
        IReadOnlyList<DealEntry>? deals = null,
        Money? broughtForward = null,
        CreatorContract? contract = null,
        RateBook? rates = null) =>
        StatementCalculator.Calculate(Request(gifts ?? [], deals ?? [], broughtForward, contract, rates));

    public static DealEntry DealOf(DealRecord deal) => DealEntry.From(deal, Paris);

    public static Money Eur(decimal amount) => Money.Round(amount, Currency.EUR);

    public static CreatorContract LeaContract(Currency? currency = null, decimal minimum = 50m, decimal withholding = 0m)
    {
        var payout = currency ?? Currency.EUR;
        return new CreatorContract(
            "lea",
            "FR",
            payout,
            "nova",
            new CommissionRates(new Share(0.20m), new Share(0.15m), new Share(0.10m)),
            Money.Round(minimum, payout),
            new Share(withholding));
    }

    public static Versioned<CreatorContract>[] Contracts(CreatorContract? contract = null) =>
        [new Versioned<CreatorContract>("lea-2026-01", new LocalDate(2026, 1, 1), contract ?? LeaContract())];

    public static Instant At(int day, int hour = 20) => Instant.FromUtc(2026, 11, day, hour, 0);

    public static GiftRecord Gift(
        string recordId, int coinsPerGift, int quantity, Instant occurredAt, GiftKind kind = GiftKind.Gift, string? original = null, string? liveId = "live-1", string giftId = "gift") =>
        new("tiklive", recordId, "lea", liveId, null, giftId, coinsPerGift, quantity, occurredAt, kind, original);

    public static GiftEntry Entry(int coinsPerGift, int quantity, Instant occurredAt) =>
        GiftEntry.From(Gift("g", coinsPerGift, quantity, occurredAt), Paris);

    public static DealRecord Deal(string recordId, DealType type, DealAmount amount, Instant earnedAt, string? brand = "Acme", Share? commission = null) =>
        new("brandhub", recordId, "lea", type, type == DealType.EventBonus ? null : brand, amount, earnedAt, "ref-" + recordId, commission);

    public static StatementRequest Request(IReadOnlyList<GiftEntry> gifts, IReadOnlyList<DealEntry> deals, Money? broughtForward = null, CreatorContract? contract = null, RateBook? rates = null) =>
        new(new StatementId("lea", November, 1), Paris, Contracts(contract), rates ?? Rates(), gifts, deals) { BroughtForward = broughtForward };

    /// <summary>The records of DOMAIN.md §5.</summary>
    public static StatementRequest WorkedExample()
    {
        var galaxy = Gift("g-galaxy", 1000, 2, At(10), liveId: "live-10", giftId: "galaxy");
        var gifts = new[]
        {
            GiftEntry.From(Gift("g-rose", 1, 300, At(3), liveId: "live-03", giftId: "rose"), Paris),
            GiftEntry.From(galaxy, Paris),
            GiftEntry.From(Gift("g-lion", 29_999, 1, At(12), liveId: "live-12", giftId: "lion"), Paris),
            GiftEntry.ForRefund(Gift("r-galaxy", 1000, 1, At(14), GiftKind.Refund, "g-galaxy", liveId: null, giftId: "galaxy"), galaxy, Paris),
        };
        var deals = new[]
        {
            DealEntry.From(Deal("d-placement", DealType.ProductPlacement, DealAmount.Of(500.00m, Currency.EUR), At(15)), Paris),
            DealEntry.From(Deal("b-event", DealType.EventBonus, DealAmount.OfDiamonds(2000m), At(20)), Paris),
        };
        return Request(gifts, deals, new Money(1230, Currency.EUR));
    }
}
