using System.Globalization;

namespace Payouts.Domain.Monetary;

/// <summary>Diamonds credited to a creator: an exact decimal, never rounded (15,649.5 is a valid count).</summary>
public readonly record struct Diamonds(decimal Value)
{
    public static Diamonds Zero => default;

    public static Diamonds operator +(Diamonds left, Diamonds right) => new(left.Value + right.Value);

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
