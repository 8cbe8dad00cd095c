using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements.Rendering;

/// <summary>
/// The words and figures a person reads on a statement, shared by the HTML and the PDF so both say the same thing:
/// amounts with thousands separators and the currency's decimals, ISO dates, the rates in words.
/// </summary>
public static class StatementText
{
    public const string OutsideALive = "outside a LIVE";

    /// <summary>"1,234.56 EUR", "-14.40 EUR", "1,200 JPY".</summary>
    public static string Amount(Money money) =>
        money.Amount.ToString("N" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + money.Currency.Code;

    public static string Usd(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture) + " USD";

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Status(StatementStatus status) => status switch
    {
        StatementStatus.CarriedForward => "Carried forward",
        var other => other.ToString(),
    };

    public static string LiveName(LiveEarnings live) => live.LiveId ?? OutsideALive;

    /// <summary>How a line was computed, in one line of text.</summary>
    public static string Details(StatementLine l) => l.Kind switch
    {
        LineKind.Gifts => $"{Count(l.Coins!.Value.Value)} coins → {StatementJson.FormatDecimal(l.Diamonds!.Value.Value)} diamonds → {StatementJson.FormatDecimal(l.Usd!.Value)} USD · {l.Sources.Records} records, {l.Sources.Refunds} refunds",
        LineKind.Deal or LineKind.Bonus => $"{l.SourceAmount} · {l.RecordId}{(l.EarnedOn is { } on ? $" · {Date(on)}" : string.Empty)}",
        LineKind.Void when l.Coins is { } coins => $"{Count(coins.Value)} coins → {StatementJson.FormatDecimal(l.Diamonds!.Value.Value)} diamonds → {StatementJson.FormatDecimal(l.Usd!.Value)} USD · {VoidedRecord(l)}",
        LineKind.Void => $"{l.SourceAmount} reversed · {VoidedRecord(l)}{(l.EarnedOn is { } on ? $" · earned {Date(on)}" : string.Empty)}",
        _ => $"{l.Rate} of {(l.Base is { } b ? Amount(b) : string.Empty)}",
    };

    /// <summary>What a line's tag says before its description: a void names the voided record's period, an adjustment its period.</summary>
    public static string? Tag(StatementLine l) => l.OriginalPeriod is not { } original ? null
        : l.Kind == LineKind.Void ? $"void {original}"
        : $"adjustment {original}";

    /// <summary>"voided record tiklive/g-0042 of 2026-10": the record a void line reverses, and the period it was counted for.</summary>
    public static string VoidedRecord(StatementLine l) => $"voided record {l.PartnerId}/{l.RecordId} of {l.OriginalPeriod}";

    /// <summary>The sentence under the payable: when it is paid, or why nothing is.</summary>
    public static string PayableNote(Statement s) => s.Totals switch
    {
        null => "Nothing is paid: the statement is blocked.",
        { Payable.IsZero: true } t => $"Nothing is paid this period: the balance of {Amount(t.Balance)} is below the minimum payout of {Amount(t.MinimumPayout)} and is carried forward to your next statement.",
        _ when s.PayoutDate is { } date => $"Paid on {Date(date)}{(s.Status == StatementStatus.Draft ? " if the period closed today" : string.Empty)}.",
        _ => "To be paid.",
    };

    /// <summary>
    /// Every rate the statement used, one sentence each: "1 coin = 0.5 diamonds from 2024-01-01 (version dpc-FR-2024)",
    /// "USD→EUR 0.92 from 2026-11-30 (version …)", "agency commission on gifts: 20 % (your contract)". A conversion of a
    /// currency into itself says nothing and is left out. In the order money flows: coins, diamonds, USD, the payout
    /// currency, then the reference price, the agency's share and withholding; versions of one rate by date.
    /// </summary>
    public static IReadOnlyList<string> RatesInWords(Statement s) =>
        [.. s.RatesUsed.Where(r => r.VersionId != Rates.RateBook.IdentityFxVersion).OrderBy(Rank).ThenBy(r => r.From).Select(Words)];

    private static int Rank(AppliedRate rate) => rate.Name switch
    {
        "diamondsPerCoin" => 0,
        "usdPerDiamond" => 1,
        var name when name.StartsWith("fx ", StringComparison.Ordinal) => 2,
        "usdPerCoinReference" => 3,
        var name when name.StartsWith("agencyCommission.", StringComparison.Ordinal) => 4,
        "withholding" => 5,
        _ => 6,
    };

    private static string Words(AppliedRate rate)
    {
        var value = StatementJson.FormatDecimal(rate.Value);
        var what = rate.Name switch
        {
            "diamondsPerCoin" => $"1 coin = {value} diamonds",
            "usdPerDiamond" => $"1 diamond = {value} USD",
            "usdPerCoinReference" => $"viewers pay about {value} USD a coin (reference price, for information only)",
            "withholding" => $"withholding: {new Contracts.Share(rate.Value)} of what you earned after the agency's commission",
            var name when name.StartsWith("agencyCommission.", StringComparison.Ordinal) =>
                $"agency commission on {name["agencyCommission.".Length..]}: {new Contracts.Share(rate.Value)}",
            var name when name.StartsWith("fx ", StringComparison.Ordinal) => $"{name[3..]} {value}",
            var name => $"{name} {value}",
        };
        var source = rate.VersionId switch
        {
            "contract" => " (your contract)",
            "deal" => " (the deal's own rate)",
            var version => $"{(rate.From is { } from ? $" from {Date(from)}" : string.Empty)} (version {version})",
        };
        return what + source;
    }
}
