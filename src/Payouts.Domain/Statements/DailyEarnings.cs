using NodaTime;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>
/// What one day of the period earned before commission and withholding: its share of the gift lines (gifts valued that
/// day, a refund on its gift's day), and the deals and bonuses earned that day. Prior-period adjustments are not here.
/// </summary>
public sealed record DailyEarnings(LocalDate Date, Money Gifts, Money Deals, Money Bonuses)
{
    public Money Total => Gifts + Deals + Bonuses;
}
