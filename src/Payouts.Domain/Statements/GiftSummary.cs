using Payouts.Domain.Monetary;

namespace Payouts.Domain.Statements;

/// <summary>Informational gift figures across all gift lines: not part of the net, shown so a creator sees the platform's share.</summary>
public sealed record GiftSummary(Coins Coins, Diamonds Diamonds, decimal Usd, decimal GrossGiftUsd, decimal PlatformShareUsd);
