using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Payouts.Domain.Signing;

/// <summary>
/// The <c>Payouts-Signature</c> scheme, used both ways (partners sign what they send; we sign webhooks):
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>. Signing the timestamp bounds replays to the
/// tolerance window; accepting any of several secrets allows rotation without downtime.
/// </summary>
public static class PayloadSignature
{
    public const string HeaderName = "Payouts-Signature";

    public static Duration DefaultTolerance { get; } = Duration.FromMinutes(5);

    public static string Create(ReadOnlySpan<byte> body, string secret, Instant timestamp) => Create(body, [secret], timestamp);

    /// <summary>One <c>v1=</c> per secret: during a rotation a receiver holding either the old or the new secret verifies.</summary>
    public static string Create(ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, Instant timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count);
        var seconds = timestamp.ToUnixTimeSeconds();
        var header = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"t={seconds}"));
        foreach (var secret in secrets)
        {
            header.Append(",v1=").Append(Compute(body, secret, seconds));
        }

        return header.ToString();
    }

    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, Instant now, Duration tolerance) =>
        Check(header, body, secrets, now, tolerance).Check;

    /// <summary>
    /// <see cref="Verify"/> with what it took: which secret matched and how many HMACs were computed, so a caller can
    /// make a request naming an unknown signer cost the same as one naming a known signer.
    /// </summary>
    public static SignatureVerification Check(string? header, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, Instant now, Duration tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return new SignatureVerification(SignatureCheck.Missing, -1, 0);
        }

        if (!TryParse(header, out var seconds, out var signatures))
        {
            return new SignatureVerification(SignatureCheck.Malformed, -1, 0);
        }

        var signedAt = Instant.FromUnixTimeSeconds(seconds);
        if (signedAt < now - tolerance || signedAt > now + tolerance)
        {
            return new SignatureVerification(SignatureCheck.Expired, -1, 0);
        }

        for (var s = 0; s < secrets.Count; s++)
        {
            var expected = Encoding.ASCII.GetBytes(Compute(body, secrets[s], seconds));
            foreach (var signature in signatures)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
                {
                    return new SignatureVerification(SignatureCheck.Valid, s, s + 1);
                }
            }
        }

        return new SignatureVerification(SignatureCheck.Mismatch, -1, secrets.Count);
    }

    /// <summary>HMAC-SHA256 of "seconds.body", fed in two pieces so a large body is never copied.</summary>
    private static string Compute(ReadOnlySpan<byte> body, string secret, long seconds)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static bool TryParse(string header, out long seconds, out List<string> signatures)
    {
        seconds = 0;
        signatures = [];
        var haveTime = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "t")
            {
                haveTime = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds < 1L << 40;
            }
            else if (key == "v1")
            {
                signatures.Add(value.ToLowerInvariant());
            }
        }

        return haveTime && signatures.Count > 0;
    }
}
