using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>One catalog gift in the period: how many were received net of refunds, their coins and its share of the gift lines.</summary>
public sealed record GiftEarnings(string GiftId, long Gifts, Coins Coins, Money Amount);
