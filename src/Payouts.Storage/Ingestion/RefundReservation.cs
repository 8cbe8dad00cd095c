namespace Payouts.Storage.Ingestion;

/// <summary>What asking a gift's <see cref="RefundTally"/> for a quantity gave.</summary>
internal enum RefundReservation
{
    /// <summary>Taken, by this call or an earlier one for the same taker.</summary>
    Reserved,

    /// <summary>Refused: the gift has less left to take back.</summary>
    Exceeded,

    /// <summary>The taker, a refund that waited for its gift, was voided by an operator: it takes nothing, ever.</summary>
    Voided,
}
