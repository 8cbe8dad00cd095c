using System.Text;
using NodaTime.Text;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The statement for spreadsheets: a key/value header block, one table of lines, then the totals. Amounts are plain
/// invariant decimals (sum them in the sheet); UTF-8 with a BOM so accents open correctly. The last two columns of a
/// line name its record (a deal, a bonus, or the record a void reverses), added after the others so columns keep their place.
/// </summary>
public static class StatementCsv
{
    public static byte[] ToUtf8(Statement statement) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ToCsv(statement))).ToArray();

    public static string ToCsv(Statement s)
    {
        var csv = new StringBuilder();

        // Identifiers may start with '-' or '@' (both in the identifier alphabet): guarded like free text.
        CsvCells.Row(csv, "statementId", CsvCells.Text(s.Id.ToString()));
        CsvCells.Row(csv, "creatorId", CsvCells.Text(s.CreatorId));
        CsvCells.Row(csv, "displayName", CsvCells.Text(s.DisplayName));
        CsvCells.Row(csv, "agencyId", CsvCells.Text(s.AgencyId));
        CsvCells.Row(csv, "period", s.Period.ToString());
        CsvCells.Row(csv, "zone", s.Zone);
        CsvCells.Row(csv, "currency", s.Currency?.Code);
        CsvCells.Row(csv, "status", s.Status.ToString());
        CsvCells.Row(csv, "version", s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        CsvCells.Row(csv, "contractVersion", CsvCells.Text(s.ContractVersion));
        CsvCells.Row(csv, "issuedAt", s.IssuedAt is { } at ? InstantPattern.ExtendedIso.Format(at) : null);
        CsvCells.Row(csv, "payoutDate", s.PayoutDate is { } payoutDate ? LocalDatePattern.Iso.Format(payoutDate) : null);
        CsvCells.Row(csv, "contentHash", s.ContentHash);
        CsvCells.Row(csv);
        CsvCells.Row(csv, "number", "kind", "revenue", "description", "originalPeriod", "earnedOn", "records", "gifts", "refunds", "coins", "diamonds", "usd", "sourceAmount", "sourceUnit", "rate", "base", "amount", "rates", "partnerId", "recordId");
        for (var i = 0; i < s.Lines.Count; i++)
        {
            var l = s.Lines[i];
            CsvCells.Row(
                csv,
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Kind.ToString(),
                l.Revenue?.ToString(),
                CsvCells.Text(l.Description),
                l.OriginalPeriod?.ToString(),
                l.EarnedOn is { } earnedOn ? LocalDatePattern.Iso.Format(earnedOn) : null,
                l.Sources.Records.ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Sources.Gifts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Sources.Refunds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                l.Coins?.ToString(),
                Dec(l.Diamonds?.Value),
                Dec(l.Usd),
                Dec(l.SourceAmount?.Value),
                l.SourceAmount?.Unit,
                Dec(l.Rate?.Value),
                l.Base?.ToAmountString(),
                l.Amount.ToAmountString(),
                CsvCells.Text(string.Join("; ", l.Rates.Select(r => $"{r.Name}={r.VersionId}:{StatementJson.FormatDecimal(r.Value)}"))),
                CsvCells.Text(l.PartnerId),
                CsvCells.Text(l.RecordId));
        }

        CsvCells.Row(csv);
        if (s.Totals is { } t)
        {
            foreach (var (label, money) in Totals(t))
            {
                CsvCells.Row(csv, label, money.ToAmountString());
            }
        }

        if (s.Gifts is { } g)
        {
            CsvCells.Row(csv, "giftCoins (informational)", g.Coins.ToString());
            CsvCells.Row(csv, "grossGiftValueUsd (informational)", Dec(g.GrossGiftUsd));
            CsvCells.Row(csv, "platformShareUsd (informational)", Dec(g.PlatformShareUsd));
        }

        if (s.Earnings is { } earnings)
        {
            AppendEarnings(csv, earnings);
        }

        AppendRates(csv, s);
        if (s.Supersedes is { } supersedes)
        {
            CsvCells.Row(csv, "supersedes", $"v{supersedes}");
            CsvCells.Row(csv, "payableDifference", s.PayableDifference?.ToAmountString() ?? string.Empty);
            foreach (var change in s.Changes)
            {
                CsvCells.Row(csv, "changed", CsvCells.Text(change.Description), change.Before?.ToAmountString() ?? string.Empty, change.After?.ToAmountString() ?? string.Empty, change.Difference.ToAmountString());
            }
        }

        foreach (var reason in s.BlockedReasons)
        {
            CsvCells.Row(csv, "blocked", CsvCells.Text(reason));
        }

        return csv.ToString();
    }

    /// <summary>Three more tables, each after a blank row and its own header row: days, LIVEs, top gifts.</summary>
    private static void AppendEarnings(StringBuilder csv, EarningsBreakdown earnings)
    {
        CsvCells.Row(csv);
        CsvCells.Row(csv, "day", "gifts", "deals", "bonuses", "total");
        foreach (var day in earnings.Days)
        {
            CsvCells.Row(csv, LocalDatePattern.Iso.Format(day.Date), day.Gifts.ToAmountString(), day.Deals.ToAmountString(), day.Bonuses.ToAmountString(), day.Total.ToAmountString());
        }

        CsvCells.Row(csv);
        CsvCells.Row(csv, "liveId", "firstDay", "gifts", "coins", "amount");
        foreach (var live in earnings.Lives)
        {
            CsvCells.Row(csv, CsvCells.Text(live.LiveId ?? StatementText.OutsideALive), LocalDatePattern.Iso.Format(live.FirstDay), Number(live.Gifts), Number(live.Coins.Value), live.Amount.ToAmountString());
        }

        CsvCells.Row(csv);
        CsvCells.Row(csv, "topGift", "gifts", "coins", "amount");
        foreach (var gift in earnings.TopGifts)
        {
            CsvCells.Row(csv, CsvCells.Text(gift.GiftId), Number(gift.Gifts), Number(gift.Coins.Value), gift.Amount.ToAmountString());
        }

        CsvCells.Row(csv);
    }

    private static void AppendRates(StringBuilder csv, Statement s)
    {
        if (s.RatesUsed.Count == 0)
        {
            return;
        }

        CsvCells.Row(csv, "rate", "versionId", "from", "value");
        foreach (var rate in s.RatesUsed)
        {
            CsvCells.Row(csv, rate.Name, CsvCells.Text(rate.VersionId), rate.From is { } from ? LocalDatePattern.Iso.Format(from) : null, StatementJson.FormatDecimal(rate.Value));
        }

        foreach (var words in StatementText.RatesInWords(s))
        {
            CsvCells.Row(csv, "rateInWords", CsvCells.Text(words));
        }
    }

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static IEnumerable<(string Label, Money Amount)> Totals(StatementTotals t) =>
    [
        ("gifts", t.Gifts), ("deals", t.Deals), ("bonuses", t.Bonuses), ("agencyCommission", t.AgencyCommission),
        ("withholding", t.Withholding), ("net", t.Net), ("broughtForward", t.BroughtForward), ("balance", t.Balance),
        ("minimumPayout", t.MinimumPayout), ("payable", t.Payable), ("carriedForward", t.CarriedForward),
    ];

    private static string? Dec(decimal? value) => value is { } v ? StatementJson.FormatDecimal(v) : null;
}
