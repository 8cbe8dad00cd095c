using System.Security.Cryptography;
using System.Text;

namespace Payouts.Domain.Records;

/// <summary>
/// Pseudonymises viewer ids with a keyed hash (HMAC-SHA256) before anything is stored or logged: the same viewer
/// hashes the same way (fraud analysis still works) but the id cannot be recovered or brute-forced without the key.
/// </summary>
public sealed class SenderIdHasher
{
    private const int MinimumKeyBytes = 32;
    private readonly byte[] _key;

    public SenderIdHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The sender hashing key needs at least {MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    public string Hash(string senderId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(senderId)));
}
