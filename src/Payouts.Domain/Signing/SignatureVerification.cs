namespace Payouts.Domain.Signing;

/// <summary>
/// The outcome of checking a signature: the verdict, the position of the secret that matched (-1 when none did), and
/// how many HMACs it took (one per secret tried).
/// </summary>
public sealed record SignatureVerification(SignatureCheck Check, int MatchedSecret, int HmacsComputed);
