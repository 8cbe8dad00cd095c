using NodaTime;

namespace Payouts.Domain.Records.Validation;

/// <summary>
/// What reading a partner record needs besides the record itself: the authenticated partner, the sender hasher and
/// the current instant (records dated in the future, beyond a small clock skew, are refused).
/// </summary>
public sealed record RecordReadContext(string PartnerId, SenderIdHasher SenderHasher, Instant Now)
{
    /// <summary>Partner clocks drift; a record a few minutes ahead of ours is fine.</summary>
    public static Duration AllowedClockSkew { get; } = Duration.FromMinutes(15);

    /// <summary>Nothing before this date can be a real record of this platform.</summary>
    public static Instant Earliest { get; } = Instant.FromUtc(2016, 1, 1, 0, 0);
}
