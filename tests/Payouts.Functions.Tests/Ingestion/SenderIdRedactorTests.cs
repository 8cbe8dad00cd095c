using Payouts.Domain.Records;
using Payouts.Storage.Ingestion;

namespace Payouts.Functions.Tests.Ingestion;

/// <summary>The redaction behind IngestRejected, on its own: no Azurite needed.</summary>
public sealed class SenderIdRedactorTests
{
    private static readonly SenderIdHasher Hasher = new(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());
    private static readonly SenderIdRedactor Redactor = new(Hasher);

    [Theory]
    [InlineData("""{"senderId":"viewer-42","quantity":0}""", """{"senderId":"#","quantity":0}""")]
    [InlineData("""{ "records" : [ { "a":{"SenderID" :  "viewer-42"} } ] }""", """{ "records" : [ { "a":{"SenderID" :  "#"} } ] }""")]
    [InlineData("""{"sender\u0049d":"viewer-42"}""", """{"sender\u0049d":"#"}""")]
    [InlineData("""{"senderId":"viewer-42"}""" + "\n" + """{"senderId":"viewer-42"}""", """{"senderId":"#"}""" + "\n" + """{"senderId":"#"}""")]
    [InlineData("""{"partnerId":"p","records":[{"senderId":"viewer-42"}""", """{"partnerId":"p","records":[{"senderId":"#"}""")]
    public void Redact_ReadableSender_BecomesItsKeyedHashTheRestAsSent(string raw, string expected) =>
        Assert.Equal(expected.Replace("#", Hasher.Hash("viewer-42"), StringComparison.Ordinal), Redactor.Redact(raw));

    [Theory]
    [InlineData("""{"senderId":{"id":"viewer-42"},"x":1}""", """{"senderId":"[redacted]","x":1}""")]
    [InlineData("""{"senderId":["viewer-42"]}""", """{"senderId":"[redacted]"}""")]
    [InlineData("""{"senderId":42}""", """{"senderId":"[redacted]"}""")]
    [InlineData("""{"senderId":""}""", """{"senderId":"[redacted]"}""")]
    [InlineData("{\"senderId\":\"viewer-4", "{\"senderId\":\"[redacted]\"")]
    [InlineData("""{"senderId": viewer-42, "x":1}""", """{"senderId": "[redacted]", "x":1}""")]
    public void Redact_SenderNotAReadableString_IsRedacted(string raw, string expected) =>
        Assert.Equal(expected, Redactor.Redact(raw));

    [Theory]
    [InlineData("""{"partnerId":"p","records":[{"giftId":"rose"}]}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Redact_NoSender_IsUnchanged(string raw) => Assert.Equal(raw, Redactor.Redact(raw));
}
