using NodaTime;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>
/// The gifts of one LIVE in the period (<see cref="LiveId"/> null: gifts sent outside a LIVE): the first day it
/// received a gift, how many gifts net of refunds, their coins and its share of the gift lines.
/// </summary>
public sealed record LiveEarnings(string? LiveId, LocalDate FirstDay, long Gifts, Coins Coins, Money Amount);
