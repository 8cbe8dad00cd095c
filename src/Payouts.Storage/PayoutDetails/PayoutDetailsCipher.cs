using System.Security.Cryptography;
using System.Text;

namespace Payouts.Storage.PayoutDetails;

/// <summary>
/// Seals personal data for storage with AES-256-GCM: a fresh 96-bit nonce per value, the 128-bit tag, and a context
/// (which creator, which field) as associated data, so a sealed value copied to another row or column does not open.
/// Text form: <c>v1:</c> + base64(nonce ‖ tag ‖ ciphertext). <see cref="KeyId"/> names the key without revealing it.
/// </summary>
public sealed class PayoutDetailsCipher
{
    private const string Prefix = "v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public PayoutDetailsCipher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32)
        {
            throw new ArgumentException("An AES-256 key is 32 bytes.", nameof(key));
        }

        _key = [.. key];
        KeyId = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("payouts:payout-details-key-id:"), .. key]))[..16];
    }

    /// <summary>Stored beside every sealed value: a row sealed with another key is reported as such, not as tampering.</summary>
    public string KeyId { get; }

    public string Seal(string plaintext, string context)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + clear.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(context));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext; a <see cref="CryptographicException"/> when the value was altered, moved or sealed with another key.</summary>
    public string Open(string sealedText, string context)
    {
        ArgumentNullException.ThrowIfNull(sealedText);
        if (!sealedText.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new CryptographicException("Not a sealed value.");
        }

        var sealedBytes = Convert.FromBase64String(sealedText[Prefix.Length..]);
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed value is too short.");
        }

        var clear = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), clear, Encoding.UTF8.GetBytes(context));
        return Encoding.UTF8.GetString(clear);
    }
}
