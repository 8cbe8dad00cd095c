using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

/// <summary>The reference data of one statement computation, with FX looked up once per currency pair.</summary>
internal sealed class StatementContext(PeriodCalendar calendar, RateBook rates, PeriodKey period, Currency payoutCurrency)
{
    private readonly Dictionary<Currency, FxRateLookup> _fx = [];

    public PeriodCalendar Calendar => calendar;

    public RateBook Rates => rates;

    /// <summary>One FX rate per pair per statement: the latest on or before the last day of the period.</summary>
    public FxRateLookup FxToPayout(Currency from)
    {
        if (!_fx.TryGetValue(from, out var lookup))
        {
            lookup = rates.FxOn(from, payoutCurrency, period.LastDay);
            _fx[from] = lookup;
        }

        return lookup;
    }
}
