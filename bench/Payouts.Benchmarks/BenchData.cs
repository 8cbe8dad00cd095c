using System.Globalization;
using System.Text;
using NodaTime;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;

namespace Payouts.Benchmarks;

/// <summary>
/// Deterministic benchmark inputs: creators in FR paid in EUR, period 2026-10 in Europe/Paris, a diamonds-per-coin
/// change on 15 October (so gifts fall into two rate segments, as in a real month with a rate change).
/// </summary>
public static class BenchData
{
    public const string Partner = "tiklive";

    public static readonly PeriodCalendar Paris = new(PeriodKind.Monthly, DateTimeZoneProviders.Tzdb["Europe/Paris"], Duration.FromDays(2));

    public static readonly PeriodKey October = PeriodKey.Month(2026, 10);

    public static readonly SenderIdHasher SenderHasher = new([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

    public static readonly RateBook Rates = new(
    [
        new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2024, 1, 1), 0.5m, "dpc-FR-2024"),
        new RateEntry(RateKind.DiamondsPerCoin, "FR", new LocalDate(2026, 10, 15), 0.52m, "dpc-FR-2026-10"),
        new RateEntry(RateKind.UsdPerDiamond, "FR", new LocalDate(2024, 1, 1), 0.005m, "upd-FR-2024"),
        new RateEntry(RateKind.UsdPerCoinReference, string.Empty, new LocalDate(2024, 1, 1), 0.0105m, "upc-2024"),
        new RateEntry(RateKind.Fx, "USD/EUR", new LocalDate(2026, 10, 31), 0.90m, "fx-USD-EUR-2026-10-31"),
    ]);

    private static readonly Instant MonthStart = Instant.FromUtc(2026, 9, 30, 22, 0);

    public static Versioned<CreatorContract>[] Contract(string creatorId) =>
    [
        new("c-" + creatorId, new LocalDate(2026, 1, 1), new CreatorContract(
            creatorId,
            "FR",
            Currency.EUR,
            "nova",
            new CommissionRates(new Share(0.20m), new Share(0.15m), new Share(0.10m)),
            Money.Round(50m, Currency.EUR),
            Share.None)),
    ];

    /// <summary>An instant in October 2026, spread evenly over the month by <paramref name="i"/> of <paramref name="count"/>.</summary>
    public static Instant InOctober(int i, int count) => MonthStart + Duration.FromSeconds((long)(30L * 24 * 3600 * ((double)i / Math.Max(1, count))));

    public static GiftRecord Gift(string creatorId, int i, int count) => new(
        Partner,
        $"{creatorId}.g{i.ToString("D7", CultureInfo.InvariantCulture)}",
        creatorId,
        "live-" + (i % 40).ToString(CultureInfo.InvariantCulture),
        SenderHasher.Hash("viewer-" + (i % 997).ToString(CultureInfo.InvariantCulture)),
        GiftIds[i % GiftIds.Length],
        CoinsOf(i),
        1 + (i % 5 == 0 ? 9 : 0),
        InOctober(i, count),
        GiftKind.Gift,
        null);

    public static DealRecord Deal(string creatorId, int i) => new(
        "brandhub",
        $"{creatorId}.d{i.ToString(CultureInfo.InvariantCulture)}",
        creatorId,
        (i % 4) switch { 0 => DealType.ProductPlacement, 1 => DealType.SponsoredLive, 2 => DealType.BrandChallenge, _ => DealType.EventBonus },
        i % 4 == 3 ? null : "Acme",
        (i % 4) switch
        {
            3 => DealAmount.OfDiamonds(2000m),
            1 => DealAmount.Of(750.00m, Currency.USD),
            _ => DealAmount.Of(500.00m + i, Currency.EUR),
        },
        InOctober(i, 8),
        "campaign-" + i.ToString(CultureInfo.InvariantCulture),
        null);

    /// <summary>
    /// One creator's month as the calculator receives it: <paramref name="gifts"/> gifts over the month, one refund per
    /// 200 gifts (valued at its original), and <paramref name="deals"/> deals and bonuses.
    /// </summary>
    public static StatementRequest CreatorMonth(string creatorId, int gifts, int deals)
    {
        var entries = new List<GiftEntry>(gifts + (gifts / 200));
        for (var i = 0; i < gifts; i++)
        {
            var gift = Gift(creatorId, i, gifts);
            entries.Add(GiftEntry.From(gift, Paris));
            if (i % 200 == 199)
            {
                var refund = gift with { RecordId = gift.RecordId + ".r", Kind = GiftKind.Refund, OriginalRecordId = gift.RecordId, OccurredAt = gift.OccurredAt + Duration.FromHours(1) };
                entries.Add(GiftEntry.ForRefund(refund, gift, Paris));
            }
        }

        var dealEntries = Enumerable.Range(0, deals).Select(i => DealEntry.From(Deal(creatorId, i), Paris)).ToList();
        return new StatementRequest(new StatementId(creatorId, October, 1), Paris, Contract(creatorId), Rates, entries, dealEntries)
        {
            BroughtForward = new Money(1230, Currency.EUR),
        };
    }

    /// <summary>A partner batch body as sent over HTTP: <c>{ "partnerId", "records": [...] }</c> with <paramref name="count"/> gifts.</summary>
    public static byte[] GiftEnvelope(int count, int creators)
    {
        var json = new StringBuilder(count * 260);
        json.Append("{\"partnerId\":\"").Append(Partner).Append("\",\"records\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var creator = "creator-" + (i % creators).ToString("D4", CultureInfo.InvariantCulture);
            json.Append(CultureInfo.InvariantCulture, $$"""{"recordId":"{{creator}}.g{{i}}","creatorId":"{{creator}}","liveId":"live-{{i % 40}}","senderId":"viewer-{{i % 997}}","giftId":"{{GiftIds[i % GiftIds.Length]}}","coinsPerGift":{{CoinsOf(i)}},"quantity":{{1 + (i % 5 == 0 ? 9 : 0)}},"occurredAt":"2026-10-{{1 + (i % 28):D2}}T{{i % 24:D2}}:15:00+02:00","kind":"gift"}""");
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    /// <summary>The same kind of batch with deals and bonuses.</summary>
    public static byte[] DealEnvelope(int count, int creators)
    {
        var json = new StringBuilder(count * 260);
        json.Append("{\"partnerId\":\"brandhub\",\"records\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var creator = "creator-" + (i % creators).ToString("D4", CultureInfo.InvariantCulture);
            var (type, brand, amount, currency) = (i % 4) switch
            {
                0 => ("productPlacement", "\"Acme\"", "1250.00", "EUR"),
                1 => ("sponsoredLive", "\"Acme\"", "300.50", "USD"),
                2 => ("brandChallenge", "\"Globex\"", "99.99", "EUR"),
                _ => ("eventBonus", "null", "2000", "DIAMOND"),
            };
            json.Append(CultureInfo.InvariantCulture, $$"""{"recordId":"{{creator}}.d{{i}}","creatorId":"{{creator}}","type":"{{type}}","brand":{{brand}},"amount":"{{amount}}","currency":"{{currency}}","earnedAt":"2026-10-{{1 + (i % 28):D2}}T10:00:00Z","reference":"campaign-{{i % 13}}"}""");
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    private static readonly string[] GiftIds = ["rose", "heart", "galaxy", "lion", "finger-heart", "rocket"];

    private static int CoinsOf(int i) => (i % 6) switch { 0 => 1, 1 => 5, 2 => 1000, 3 => 29_999, 4 => 1, _ => 500 };
}
