using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

/// <summary>
/// Computes one creator's statement for one period, exactly as DOMAIN.md §4 says: every line rounded once to the payout
/// currency (midpoint away from zero), every total a sum of rounded lines. Pure: same request, same statement, same hash.
/// </summary>
public static class StatementCalculator
{
    public static Statement Calculate(StatementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Id.Period;
        var blocked = new List<BlockReason>();
        var contractVersion = new EffectiveSeries<CreatorContract>("creator contract", request.ContractVersions).At(period.LastDay);
        if (!contractVersion.IsFound)
        {
            // Every record of the statement waits for a contract: name them (the fix is a contract, or voiding them).
            return Blocked(request, null, [BlockReason.Of(BlockCodes.NoContract, $"{contractVersion.MissingReason} (the last day of {period})", AllRecordIds(request))]);
        }

        var contract = contractVersion.Value.Value;
        var currency = contract.PayoutCurrency;
        var broughtForward = request.BroughtForward ?? Money.Zero(currency);
        if (broughtForward.Currency != currency)
        {
            // No record of this statement is the cause: the earlier statement's balance is.
            blocked.Add(BlockReason.Of(BlockCodes.CurrencyMismatch, $"the brought-forward balance is in {broughtForward.Currency.Code} but the contract pays in {currency.Code}"));
        }

        try
        {
            return Compute(request, contractVersion.Value, broughtForward, blocked);
        }
        catch (OverflowException)
        {
            // Checked arithmetic (Domain builds with CheckForOverflowUnderflow) met a sum far beyond the bound.
            return Blocked(request, contractVersion.Value, [BlockReason.Of(BlockCodes.TooLarge, StatementLimits.TooLargeToCompute(currency), AllRecordIds(request))]);
        }
    }

    private static Statement Compute(StatementRequest request, Versioned<CreatorContract> contractVersion, Money broughtForward, List<BlockReason> blocked)
    {
        var period = request.Id.Period;
        var contract = contractVersion.Value;
        var currency = contract.PayoutCurrency;
        var context = new StatementContext(request.Calendar, request.Rates, period, currency);
        var timeline = request.Rates.TimelineFor(contract.Region, request.Calendar.Zone);
        var giftRecordIds = new Dictionary<StatementLine, Func<IEnumerable<string?>>>(ReferenceEqualityComparer.Instance);
        var gifts = GiftLines.Build(request.Gifts, period, timeline, () => context.FxToPayout(Currency.USD), blocked, giftRecordIds);
        var deals = DealLines.Build(request.Deals, period, contract, context, blocked);
        if (blocked.Count > 0)
        {
            return Blocked(request, contractVersion, blocked);
        }

        var revenue = gifts.Where(l => !l.IsAdjustment)
            .Concat(deals.Where(l => !l.IsAdjustment))
            .Concat(gifts.Where(l => l.IsAdjustment).Concat(deals.Where(l => l.IsAdjustment)).OrderBy(l => l.OriginalPeriod))
            .ToList();
        var commission = ChargeLines.AgencyCommission(revenue, contract).ToList();
        var lines = revenue.Concat(commission).ToList();
        if (ChargeLines.Withholding(lines, contract) is { } withholding)
        {
            lines.Add(withholding);
        }

        var totals = Totals(lines, broughtForward, contract);
        // Only asked on the blocked path: which records a line adds up (a charge line: those of the revenue it charges).
        IEnumerable<string?> RecordIdsOf(StatementLine line) => line.Kind switch
        {
            LineKind.Gifts => giftRecordIds[line](),
            LineKind.Deal or LineKind.Bonus => [line.RecordId],
            _ => revenue.Where(r => line.Revenue is null || r.Revenue == line.Revenue).SelectMany(RecordIdsOf),
        };
        var beyond = StatementLimits.Exceeded(lines, totals, RecordIdsOf).ToList();
        if (beyond.Count > 0)
        {
            return Blocked(request, contractVersion, beyond);
        }

        var statement = new Statement
        {
            Id = request.Id,
            Zone = request.Calendar.Zone.Id,
            Status = StatusOf(request, totals),
            Currency = currency,
            AgencyId = contract.AgencyId,
            DisplayName = contract.DisplayName,
            ContractVersion = contractVersion.VersionId,
            Lines = lines,
            Totals = totals,
            Gifts = Summary(gifts),
            PayoutDate = totals.Payable.IsZero ? null : request.PayoutSchedule.DateFor(period),
            Earnings = EarningsBreakdowns.Build(request.Gifts, deals, period, timeline, context, currency),
            RatesUsed = lines.SelectMany(l => l.Rates).Distinct().OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.VersionId, StringComparer.Ordinal).ToList(),
            CorrectionReason = request.CorrectionReason,
        };
        if (request.Previous is { } previous)
        {
            statement = statement with
            {
                Supersedes = previous.Version,
                Changes = StatementDiff.Between(previous.Lines, lines),
                PayableDifference = totals.Payable - previous.Payable,
            };
        }

        return statement with { ContentHash = StatementHash.Compute(statement) };
    }

    private static IEnumerable<string?> AllRecordIds(StatementRequest request) =>
        request.Gifts.Select(g => g.RecordId).Concat(request.Deals.Select(d => (string?)d.Record.RecordId));

    private static StatementTotals Totals(List<StatementLine> lines, Money broughtForward, CreatorContract contract)
    {
        var currency = contract.PayoutCurrency;
        Money SumOf(Func<StatementLine, bool> which) => ChargeLines.Sum(lines.Where(which), currency);

        var net = SumOf(_ => true);
        var balance = broughtForward + net;

        // A balance at or above the minimum is paid in full; below it (or negative) it waits for later earnings.
        var pays = balance.MinorUnits > 0 && balance >= contract.MinimumPayout;
        return new StatementTotals(
            Gifts: SumOf(l => l.IsRevenue && l.Revenue == RevenueType.Gifts),
            Deals: SumOf(l => l.IsRevenue && l.Revenue == RevenueType.Deals),
            Bonuses: SumOf(l => l.IsRevenue && l.Revenue == RevenueType.Bonuses),
            AgencyCommission: SumOf(l => l.Kind == LineKind.AgencyCommission),
            Withholding: SumOf(l => l.Kind == LineKind.Withholding),
            Net: net,
            BroughtForward: broughtForward,
            Balance: balance,
            MinimumPayout: contract.MinimumPayout,
            Payable: pays ? balance : Money.Zero(currency),
            CarriedForward: pays ? Money.Zero(currency) : balance);
    }

    private static StatementStatus StatusOf(StatementRequest request, StatementTotals totals) =>
        request.Draft ? StatementStatus.Draft
        : totals.Payable.IsZero ? StatementStatus.CarriedForward
        : StatementStatus.Issued;

    private static GiftSummary? Summary(List<StatementLine> gifts) =>
        gifts.Count == 0
            ? null
            : new GiftSummary(
                new Coins(gifts.Sum(l => l.Coins!.Value.Value)),
                new Diamonds(gifts.Sum(l => l.Diamonds!.Value.Value)),
                gifts.Sum(l => l.Usd!.Value),
                gifts.Sum(l => l.GrossGiftUsd!.Value),
                gifts.Sum(l => l.PlatformShareUsd!.Value));

    private static Statement Blocked(StatementRequest request, Versioned<CreatorContract>? contract, IEnumerable<BlockReason> reasons)
    {
        var statement = new Statement
        {
            Id = request.Id,
            Zone = request.Calendar.Zone.Id,
            Status = StatementStatus.Blocked,
            Currency = contract?.Value.PayoutCurrency,
            AgencyId = contract?.Value.AgencyId,
            DisplayName = contract?.Value.DisplayName,
            ContractVersion = contract?.VersionId,
            BlockedReasons = reasons.Select(r => r.Message).Distinct(StringComparer.Ordinal).ToList(),
            Blocks = [.. reasons.GroupBy(r => (r.Code, r.Message)).Select(g => BlockReason.Of(g.Key.Code, g.Key.Message, g.SelectMany(r => r.RecordIds)))],
            CorrectionReason = request.CorrectionReason,
        };
        return statement with { ContentHash = StatementHash.Compute(statement) };
    }
}
