namespace Payouts.Domain.Statements;

public enum StatementStatus
{
    /// <summary>A preview of an open period; never stored as issued.</summary>
    Draft,

    /// <summary>Final, with an amount to pay.</summary>
    Issued,

    /// <summary>Final, but the balance is under the minimum payout (or negative) and moves to the next statement.</summary>
    CarriedForward,

    /// <summary>Cannot be computed: reference data is missing. Reasons are listed; nothing is paid or carried.</summary>
    Blocked,

    /// <summary>Replaced by a newer version.</summary>
    Superseded,
}
