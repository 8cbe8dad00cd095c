namespace Payouts.Storage.Corrections;

public enum VoidResult
{
    /// <summary>Voided now: the record no longer counts; if it was counted, the creator's next statement reverses it.</summary>
    Voided,

    /// <summary>Voided before (the first void's reason and author stand).</summary>
    AlreadyVoided,

    /// <summary>No such record was ever accepted.</summary>
    NotFound,

    /// <summary>The record cannot be voided (a refund, or a gift already refunded in full): see the detail.</summary>
    NotVoidable,
}
