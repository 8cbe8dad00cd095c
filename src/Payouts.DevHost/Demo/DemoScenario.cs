using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Payouts.Domain.Periods;

namespace Payouts.DevHost.Demo;

/// <summary>
/// A realistic period of partner data, the same for the same seed: the DOMAIN.md §5 worked example (creator lea), a
/// whale who receives Universes and Lions, everyday creators with streaks of roses, refunds, brand deals (some with a
/// deal-specific commission), event bonuses in money and in diamonds, one invalid record, and one late record that
/// arrives during the grace period.
/// </summary>
public sealed class DemoScenario
{
    public const string GiftPartner = "tiklive";
    public const string DealPartner = "brandhub";

    private static readonly string[] Names = ["max", "zoe", "ines", "omar", "kai", "yuki", "noah", "lina", "sami", "emma", "theo", "jade", "hugo", "mila"];
    private static readonly string[] Brands = ["Acme Audio", "Lumen Skincare", "Nordlicht Tea", "Pixel Arcade", "Velo Bikes"];

    public required PeriodKey Period { get; init; }

    public required IReadOnlyList<DemoCreator> Creators { get; init; }

    public required IReadOnlyList<DemoRecord> Records { get; init; }

    /// <summary>Sent after the period ended, before it is due: still counted in this period's statement.</summary>
    public required DemoRecord LateGift { get; init; }

    /// <summary>FX USD→EUR applied to the period (the latest on or before its last day).</summary>
    public decimal UsdToEur { get; } = 0.92m;

    public decimal DiamondsPerCoin { get; } = 0.5m;

    public decimal UsdPerDiamond { get; } = 0.005m;

    public IEnumerable<DemoRecord> All => Records.Append(LateGift);

    /// <summary>The rates the admin API is given: (kind, key, from, value, versionId).</summary>
    public static IReadOnlyList<(string Kind, string Key, string From, string Value, string VersionId)> Rates(PeriodKey period)
    {
        var last = period.LastDay;
        var before = period.Start.PlusMonths(-1);
        return
        [
            ("diamondsPerCoin", "FR", "2024-01-01", "0.5", "dpc-fr-2024"),
            ("diamondsPerCoin", "DE", "2024-01-01", "0.5", "dpc-de-2024"),
            ("diamondsPerCoin", "US", "2024-01-01", "0.5", "dpc-us-2024"),
            ("usdPerDiamond", "FR", "2024-01-01", "0.005", "upd-fr-2024"),
            ("usdPerDiamond", "DE", "2024-01-01", "0.005", "upd-de-2024"),
            ("usdPerDiamond", "US", "2024-01-01", "0.005", "upd-us-2024"),
            ("usdPerCoinReference", string.Empty, "2024-01-01", "0.0105", "upc-2024"),
            ("fx", "USD/EUR", Date(before), "0.93", $"fx-usd-eur-{Date(before)}"),
            ("fx", "USD/EUR", Date(last), "0.92", $"fx-usd-eur-{Date(last)}"),
        ];
    }

    public static DemoScenario Generate(int seed, int creatorCount, int giftCount, PeriodKey period, PeriodCalendar calendar, GiftCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(catalog);
        var random = new Random(seed);
        var zone = calendar.Zone;
        var days = Enumerable.Range(0, DaysIn(period)).Select(i => period.Start.PlusDays(i)).ToList();
        Instant Evening(LocalDate day) => zone.AtLeniently(day.At(new LocalTime(18, 0)).PlusMinutes(random.Next(0, 5 * 60 + 59))).ToInstant();

        var creators = new List<DemoCreator>
        {
            new("lea", "FR", "EUR", "nova", 0.20m, 0.15m, 0.10m, 50.00m, "DOMAIN.md §5 worked example"),
        };
        for (var i = 1; i < creatorCount; i++)
        {
            var name = i - 1 < Names.Length ? Names[i - 1] : $"creator-{i:000}";
            var (region, currency) = (i % 3) switch { 0 => ("US", "USD"), 1 => ("FR", "EUR"), _ => ("DE", "EUR") };
            var agency = (i % 4) switch { 3 => null, 1 => "stellar", _ => "nova" };
            var note = i == 1 ? "the whale" : i == creatorCount - 1 && creatorCount > 2 ? "small: below the minimum payout" : string.Empty;
            creators.Add(new DemoCreator(
                name, region, currency, agency,
                agency is null ? 0m : Pick(random, [0.10m, 0.15m, 0.20m, 0.25m]),
                agency is null ? 0m : Pick(random, [0.10m, 0.15m]),
                agency is null ? 0m : Pick(random, [0.05m, 0.10m]),
                note.StartsWith("small", StringComparison.Ordinal) ? 100.00m : Pick(random, [10.00m, 25.00m, 50.00m]),
                note));
        }

        var records = new List<DemoRecord>();
        var giftNumber = 0;
        DemoRecord Gift(string creatorId, GiftCatalog.Gift gift, int quantity, Instant at, bool viaQueue = false) => new()
        {
            CreatorId = creatorId,
            At = at,
            IsDeal = false,
            Coins = (long)gift.Coins * quantity,
            ViaQueue = viaQueue,
            Json = new JsonObject
            {
                ["recordId"] = $"g-{++giftNumber:000000}",
                ["creatorId"] = creatorId,
                ["liveId"] = $"live-{creatorId}-{calendar.LocalDateOf(at):MMdd}",
                ["senderId"] = $"viewer-{random.Next(1, 900)}",
                ["giftId"] = gift.GiftId,
                ["coinsPerGift"] = gift.Coins,
                ["quantity"] = quantity,
                ["occurredAt"] = OffsetDateTimePattern.ExtendedIso.Format(at.InZone(zone).ToOffsetDateTime()),
                ["kind"] = "gift",
            },
        };
        DemoRecord Refund(DemoRecord original, Instant at)
        {
            var json = (JsonObject)original.Json.DeepClone();
            json["recordId"] = $"g-{++giftNumber:000000}";
            json["kind"] = "refund";
            json["originalRecordId"] = original.RecordId;
            json["occurredAt"] = OffsetDateTimePattern.ExtendedIso.Format(at.InZone(zone).ToOffsetDateTime());
            return original with { Json = json, At = at, Coins = -original.Coins, ViaQueue = false };
        }

        // lea: exactly the worked example (300 roses as two streaks, 2 galaxies, a lion, one galaxy refunded).
        var rose = catalog["rose"];
        var galaxy = catalog["galaxy"];
        records.Add(Gift("lea", rose, 120, Evening(days[4])));
        records.Add(Gift("lea", rose, 180, Evening(days[4])));
        var leaGalaxy = Gift("lea", galaxy, 1, Evening(days[5]));
        records.Add(leaGalaxy);
        records.Add(Gift("lea", galaxy, 1, Evening(days[9])));
        records.Add(Gift("lea", catalog["lion"], 1, Evening(days[11])));
        records.Add(Refund(leaGalaxy, Evening(days[6])));

        // Everyone else: streaks of cheap gifts, now and then a big one; the whale gets the big ones.
        var others = creators.Skip(1).ToList();
        var small = others.Count > 1 ? others[^1] : null;
        for (var n = 0; others.Count > 0 && n < giftCount; n++)
        {
            var creator = others[random.Next(others.Count)];
            if (creator == small && random.Next(4) != 0)
            {
                creator = others[random.Next(others.Count - 1)];
            }

            var whale = creator == others[0];
            var gift = creator == small ? rose
                : whale && random.Next(3) == 0 ? Pick(random, catalog.Gifts.Where(g => g.Coins >= 10_000).ToArray())
                : random.Next(12) == 0 ? Pick(random, catalog.Gifts.Where(g => g.Coins is >= 100 and < 10_000).ToArray())
                : Pick(random, catalog.Gifts.Where(g => g.Streakable).ToArray());
            var quantity = gift.Streakable ? (creator == small ? random.Next(1, 6) : random.Next(1, 120)) : random.Next(1, 3);
            var day = days[random.Next(days.Count)];
            var record = Gift(creator.CreatorId, gift, quantity, Evening(day), viaQueue: day.Day % 5 == 0);
            records.Add(record);
            var refundAt = record.At + Duration.FromHours(random.Next(1, 30));
            if (!gift.Streakable && random.Next(8) == 0 && refundAt < calendar.EndOf(period))
            {
                records.Add(Refund(record, refundAt));
            }
        }

        // Deals and bonuses: lea's two from the worked example, then a few per creator.
        var dealNumber = 0;
        DemoRecord Deal(string creatorId, string type, decimal amount, string unit, Instant at, bool viaQueue, decimal? commission = null) => new()
        {
            CreatorId = creatorId,
            At = at,
            IsDeal = true,
            Revenue = type == "eventBonus" ? "bonuses" : "deals",
            Amount = amount,
            Unit = unit,
            CommissionOverride = commission,
            ViaQueue = viaQueue,
            Json = new JsonObject
            {
                ["recordId"] = $"d-{++dealNumber:0000}",
                ["creatorId"] = creatorId,
                ["type"] = type,
                ["brand"] = type == "eventBonus" ? null : Pick(random, Brands),
                ["amount"] = amount.ToString(unit == "DIAMOND" ? "0" : "0.00", CultureInfo.InvariantCulture),
                ["currency"] = unit,
                ["earnedAt"] = InstantPattern.ExtendedIso.Format(at),
                ["reference"] = type == "eventBonus" ? $"event-{period}-{random.Next(1, 9)}" : $"campaign-{random.Next(100, 999)}",
                ["agencyCommissionRate"] = commission?.ToString("0.00", CultureInfo.InvariantCulture),
            },
        };
        records.Add(Deal("lea", "productPlacement", 500.00m, "EUR", Evening(days[14]), viaQueue: false));
        records.Add(Deal("lea", "eventBonus", 2000m, "DIAMOND", Evening(days[20]), viaQueue: true));
        foreach (var creator in others.Where(c => c != small))
        {
            var deals = random.Next(0, 3);
            for (var d = 0; d < deals; d++)
            {
                var unit = creator.Currency == "EUR" && random.Next(3) == 0 ? "USD" : creator.Currency;
                var amount = random.Next(8, 160) * 12.5m;
                var type = Pick(random, ["productPlacement", "sponsoredLive", "brandChallenge"]);
                records.Add(Deal(creator.CreatorId, type, amount, unit, Evening(days[random.Next(days.Count)]), viaQueue: d == 1, commission: d == 0 && random.Next(3) == 0 ? 0.05m : null));
            }

            if (random.Next(2) == 0)
            {
                var diamonds = random.Next(2) == 0;
                records.Add(Deal(creator.CreatorId, "eventBonus", diamonds ? random.Next(5, 60) * 100m : random.Next(2, 20) * 25m, diamonds ? "DIAMOND" : creator.Currency, Evening(days[random.Next(days.Count)]), viaQueue: random.Next(2) == 0));
            }
        }

        // One record a partner gets wrong (quantity 0): the API rejects it, valid neighbours are stored.
        var invalid = Gift(others.Count > 0 ? others[0].CreatorId : "lea", rose, 1, Evening(days[2]));
        invalid.Json["quantity"] = 0;
        records.Add(invalid with { Invalid = true, Coins = 0 });

        // The late record: the last evening of the period, delivered during the grace period through the queue.
        var late = Gift(others.Count > 0 ? others[0].CreatorId : "lea", catalog["interstellar"], 1, zone.AtLeniently(days[^1].At(new LocalTime(23, 50))).ToInstant(), viaQueue: true);
        return new DemoScenario
        {
            Period = period,
            Creators = creators,
            Records = records.OrderBy(r => r.At).ToList(),
            LateGift = late,
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int DaysIn(PeriodKey period) => NodaTime.Period.Between(period.Start, period.End, PeriodUnits.Days).Days;
}
