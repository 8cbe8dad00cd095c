using System.Security.Cryptography;
using System.Text;
using Payouts.Domain.Records;

namespace Payouts.Domain.Tests.Records;

public sealed class SenderIdHasherTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Hash_IsHmacSha256OfTheIdWithTheKey()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("viewer-42")));
        Assert.Equal(expected, new SenderIdHasher(Key).Hash("viewer-42"));
    }

    [Fact]
    public void Hash_OtherKey_GivesOtherHash()
    {
        var other = Key.Select(b => (byte)(b ^ 0xff)).ToArray();
        Assert.NotEqual(new SenderIdHasher(Key).Hash("viewer-42"), new SenderIdHasher(other).Hash("viewer-42"));
    }

    [Fact]
    public void Constructor_KeyShorterThan32Bytes_Throws() => Assert.Throws<ArgumentException>(() => new SenderIdHasher(new byte[31]));

    [Fact]
    public void Constructor_NullKey_Throws() => Assert.Throws<ArgumentNullException>(() => new SenderIdHasher(null!));

    [Fact]
    public void Constructor_CopiesTheKey_LaterChangesToTheArrayDoNotLeakIn()
    {
        var key = (byte[])Key.Clone();
        var hasher = new SenderIdHasher(key);
        var before = hasher.Hash("viewer-42");
        key[0] ^= 0xff;
        Assert.Equal(before, hasher.Hash("viewer-42"));
    }
}
