using System.Text;
using Payouts.Domain.Records.Wire;

namespace Payouts.Domain.Tests.Records.Wire;

/// <summary>The partner id read before the signature is checked: only a top-level string, and nothing built meanwhile.</summary>
public sealed class PartnerIdScanTests
{
    [Theory]
    [InlineData("""{"partnerId":"tiklive","records":[{"a":1}]}""", "tiklive")]
    [InlineData("""{"records":[{"partnerId":"inner"},[1,[2]]],"partnerId":"tiklive"}""", "tiklive")]
    [InlineData("""{"p\u0061rtnerId":"tiklive"}""", "tiklive")]
    [InlineData("""  {"meta":{"partnerId":"nested"},"partnerId":"brandhub"}""", "brandhub")]
    public void TopLevelStringPartnerId_IsFound(string body, string expected) =>
        Assert.Equal(expected, IngestEnvelopeParser.ScanPartnerId(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("""{"records":[{"partnerId":"inner"}]}""")]
    [InlineData("""{"partnerId":7,"records":[]}""")]
    [InlineData("""["partnerId","tiklive"]""")]
    [InlineData("""{"partnerId":""")]
    [InlineData("not json")]
    [InlineData("")]
    public void NoTopLevelStringPartnerId_IsNull(string body) =>
        Assert.Null(IngestEnvelopeParser.ScanPartnerId(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void DeeplyNestedValueBeforeThePartnerId_IsRefusedNotWalked()
    {
        var body = "{\"x\":" + new string('[', 100) + new string(']', 100) + ",\"partnerId\":\"tiklive\"}";

        Assert.Null(IngestEnvelopeParser.ScanPartnerId(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void ScanPartnerId_AfterAUtf8ByteOrderMark_FindsIt() =>
        Assert.Equal("tiklive", IngestEnvelopeParser.ScanPartnerId([0xEF, 0xBB, 0xBF, .. "{\"partnerId\":\"tiklive\",\"records\":[]}"u8]));
}
