namespace Payouts.Domain.PayoutDetails;

/// <summary>The methods' names on the wire, in files and in storage: <c>sepa</c>, <c>manual</c>.</summary>
public static class PayoutMethodNames
{
    public const string Sepa = "sepa";
    public const string Manual = "manual";

    public static string Of(PayoutMethod method) => method == PayoutMethod.Sepa ? Sepa : Manual;

    public static PayoutMethod? Parse(string? name) => name switch
    {
        Sepa => PayoutMethod.Sepa,
        Manual => PayoutMethod.Manual,
        _ => null,
    };
}
