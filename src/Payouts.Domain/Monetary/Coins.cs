namespace Payouts.Domain.Monetary;

/// <summary>A signed number of platform coins: what viewers pay for gifts. Refunds are negative.</summary>
public readonly record struct Coins(long Value)
{
    public static Coins Zero => default;

    public static Coins operator +(Coins left, Coins right) => new(checked(left.Value + right.Value));

    public static Coins operator -(Coins left, Coins right) => new(checked(left.Value - right.Value));

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
