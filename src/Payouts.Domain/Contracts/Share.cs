using System.Globalization;

namespace Payouts.Domain.Contracts;

/// <summary>A fraction between 0 and 1 of some revenue: an agency commission or a withholding rate. 0.15 is 15 %.</summary>
public readonly record struct Share
{
    public Share(decimal value)
    {
        if (value is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A share is between 0 and 1 (0.15 is 15 %).");
        }

        Value = value;
    }

    public static Share None => default;

    public decimal Value { get; }

    public bool IsZero => Value == 0m;

    public static bool TryCreate(decimal value, out Share share)
    {
        share = default;
        if (value is < 0m or > 1m)
        {
            return false;
        }

        share = new Share(value);
        return true;
    }

    public override string ToString() => (Value * 100m).ToString("0.####", CultureInfo.InvariantCulture) + " %";
}
