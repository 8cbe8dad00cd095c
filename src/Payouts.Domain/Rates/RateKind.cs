namespace Payouts.Domain.Rates;

/// <summary>The kinds of effective-dated rates the reference data holds (DOMAIN.md §2).</summary>
public enum RateKind
{
    /// <summary>Per region: diamonds credited per coin received.</summary>
    DiamondsPerCoin,

    /// <summary>Per region: the USD value of one diamond.</summary>
    UsdPerDiamond,

    /// <summary>Global: reference USD price of a coin, only to show gross gift value and platform share.</summary>
    UsdPerCoinReference,

    /// <summary>Per currency pair "USD/EUR": units of the second currency for one unit of the first.</summary>
    Fx,
}
