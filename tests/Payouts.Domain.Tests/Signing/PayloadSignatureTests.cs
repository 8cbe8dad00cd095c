using System.Text;
using NodaTime;
using Payouts.Domain.Signing;

namespace Payouts.Domain.Tests.Signing;

public sealed class PayloadSignatureTests
{
    // Reference value computed outside .NET:
    // printf '%s' '1795000000.{"partnerId":"tiklive","records":[]}' | openssl dgst -sha256 -hmac 'whsec_test'
    private const string KnownHmac = "9595bf29a79b760af12c31ee5be84115ccdb54f5341e0a80672b5db612fc61cc";
    private const string Secret = "whsec_test";

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"partnerId":"tiklive","records":[]}""");
    private static readonly Instant SignedAt = Instant.FromUnixTimeSeconds(1_795_000_000);

    [Fact]
    public void Create_IsTimestampAndHexHmacOfTimestampDotBody() =>
        Assert.Equal($"t=1795000000,v1={KnownHmac}", PayloadSignature.Create(Body, Secret, SignedAt));

    [Fact]
    public void Create_SubSecondTimestamp_IsTruncatedToSeconds() =>
        Assert.Equal($"t=1795000000,v1={KnownHmac}", PayloadSignature.Create(Body, Secret, SignedAt + Duration.FromMilliseconds(999)));

    [Fact]
    public void Verify_FreshSignature_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, Verify(PayloadSignature.Create(Body, Secret, SignedAt), Body, [Secret], SignedAt));

    [Fact]
    public void Verify_KnownHeader_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, Verify($"t=1795000000,v1={KnownHmac}", Body, [Secret], SignedAt));

    [Fact]
    public void Verify_UppercaseHex_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, Verify($"t=1795000000,v1={KnownHmac.ToUpperInvariant()}", Body, [Secret], SignedAt));

    [Fact]
    public void Verify_SpacesAroundParts_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, Verify($" t=1795000000 , v1={KnownHmac} ", Body, [Secret], SignedAt));

    [Theory]
    [InlineData("old-secret")]
    [InlineData("new-secret")]
    public void Verify_EitherOfTwoActiveSecrets_IsValid(string signingSecret) =>
        Assert.Equal(SignatureCheck.Valid, Verify(PayloadSignature.Create(Body, signingSecret, SignedAt), Body, ["old-secret", "new-secret"], SignedAt));

    [Fact]
    public void Verify_RetiredSecret_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verify(PayloadSignature.Create(Body, "retired", SignedAt), Body, ["old-secret", "new-secret"], SignedAt));

    [Fact]
    public void Verify_NoActiveSecrets_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verify(PayloadSignature.Create(Body, Secret, SignedAt), Body, [], SignedAt));

    [Fact]
    public void Verify_SeveralSignaturesOneMatching_IsValid() =>
        Assert.Equal(SignatureCheck.Valid, Verify($"t=1795000000,v1={new string('0', 64)},v1={KnownHmac}", Body, [Secret], SignedAt));

    [Fact]
    public void Verify_TamperedBody_IsMismatch()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"partnerId":"tiklive","records":[{}]}""");
        Assert.Equal(SignatureCheck.Mismatch, Verify(PayloadSignature.Create(Body, Secret, SignedAt), tampered, [Secret], SignedAt));
    }

    [Fact]
    public void Verify_OneByteFlipped_IsMismatch()
    {
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;
        Assert.Equal(SignatureCheck.Mismatch, Verify(PayloadSignature.Create(Body, Secret, SignedAt), tampered, [Secret], SignedAt));
    }

    [Fact]
    public void Verify_TimestampReplacedToReplay_IsMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, Verify($"t=1795000060,v1={KnownHmac}", Body, [Secret], SignedAt + Duration.FromMinutes(1)));

    [Theory]
    [InlineData(-300, SignatureCheck.Valid)] // signed exactly 5 minutes ago
    [InlineData(-301, SignatureCheck.Expired)]
    [InlineData(300, SignatureCheck.Valid)] // signed 5 minutes "in the future": a skewed clock, still inside the window
    [InlineData(301, SignatureCheck.Expired)]
    [InlineData(-86_400, SignatureCheck.Expired)]
    public void Verify_Timestamp_IsCheckedAgainstTheToleranceBothWays(int signedOffsetSeconds, SignatureCheck expected)
    {
        var now = SignedAt;
        var header = PayloadSignature.Create(Body, Secret, now + Duration.FromSeconds(signedOffsetSeconds));
        Assert.Equal(expected, Verify(header, Body, [Secret], now));
    }

    [Fact]
    public void Verify_ExpiredAndWrong_ReportsExpiredFirst() =>
        Assert.Equal(SignatureCheck.Expired, Verify($"t=1,v1={KnownHmac}", Body, [Secret], SignedAt));

    [Fact]
    public void Verify_CustomTolerance_IsHonoured()
    {
        var header = PayloadSignature.Create(Body, Secret, SignedAt - Duration.FromSeconds(61));
        Assert.Equal(SignatureCheck.Expired, PayloadSignature.Verify(header, Body, [Secret], SignedAt, Duration.FromMinutes(1)));
        Assert.Equal(SignatureCheck.Valid, PayloadSignature.Verify(header, Body, [Secret], SignedAt, Duration.FromMinutes(2)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_NoHeader_IsMissing(string? header) => Assert.Equal(SignatureCheck.Missing, Verify(header, Body, [Secret], SignedAt));

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1795000000")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=abc")]
    [InlineData("t=-5,v1=abc")]
    [InlineData("t=+1795000000,v1=abc")]
    [InlineData("t= ,v1=abc")]
    [InlineData("t=1099511627776,v1=abc")] // 2^40 seconds: not a real timestamp
    [InlineData("t=99999999999999999999999,v1=abc")]
    [InlineData("=1795000000,v1=abc")]
    [InlineData("t:1795000000,v1:abc")]
    [InlineData("T=1795000000,V1=abc")]
    [InlineData("t=1795000000;v1=abc")]
    public void Verify_MalformedHeader_IsMalformed(string header) => Assert.Equal(SignatureCheck.Malformed, Verify(header, Body, [Secret], SignedAt));

    [Fact]
    public void Verify_UnknownSchemeAlongsideV1_IsIgnored() =>
        Assert.Equal(SignatureCheck.Valid, Verify($"t=1795000000,v0=deadbeef,v1={KnownHmac}", Body, [Secret], SignedAt));

    [Fact]
    public void DefaultTolerance_IsFiveMinutes() => Assert.Equal(Duration.FromMinutes(5), PayloadSignature.DefaultTolerance);

    [Fact]
    public void HeaderName_IsPayoutsSignature() => Assert.Equal("Payouts-Signature", PayloadSignature.HeaderName);

    private static SignatureCheck Verify(string? header, byte[] body, string[] secrets, Instant now) =>
        PayloadSignature.Verify(header, body, secrets, now, PayloadSignature.DefaultTolerance);
}
