namespace Payouts.Domain.Records;

/// <summary>
/// The void of a stored gift, as a statement reads it: the gift as it was stored (a void never changes it) and the
/// quantity the void takes back, which is what refunds had not taken when it was made.
/// </summary>
public sealed record GiftVoid(GiftRecord Gift, int Quantity);
