using Payouts.Domain.Records.Wire;

namespace Payouts.Domain.Tests.Records.Wire;

/// <summary>Text that is not UTF-8 in the envelope itself refuses the body; inside a record it is left to the record reader.</summary>
public sealed class IngestEnvelopeMalformedTextTests
{
    public static TheoryData<string> Kinds => MalformedText.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_MalformedPartnerId_IsRefusedOnPartnerId(string kind)
    {
        var body = MalformedText.Json($"{{\"partnerId\":\"tik{MalformedText.Marker}\",\"records\":[{{}}]}}", kind);

        var result = IngestEnvelopeParser.Parse(body, EnvelopeFormat.Json);

        Assert.Null(result.Envelope);
        Assert.Contains(JsonText.Problem, result.Problem, StringComparison.Ordinal);
        Assert.Contains("partnerId", result.Errors!.Keys);
        Assert.Null(result.ClaimedPartnerId);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_MalformedEnvelopePropertyName_IsRefused(string kind)
    {
        var body = MalformedText.Json($"{{\"{MalformedText.Marker}\":1,\"partnerId\":\"tiklive\",\"records\":[{{}}]}}", kind);

        var result = IngestEnvelopeParser.Parse(body, EnvelopeFormat.Json);

        Assert.Null(result.Envelope);
        Assert.Contains(JsonText.Problem, result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_MalformedTextInsideARecord_KeepsTheBatchForTheReader(string kind)
    {
        var body = MalformedText.Json($"{{\"partnerId\":\"tiklive\",\"records\":[{{\"giftId\":\"{MalformedText.Marker}\"}},{{\"recordId\":\"b\"}}]}}", kind);

        var result = IngestEnvelopeParser.Parse(body, EnvelopeFormat.Json);

        using var envelope = result.Envelope!;
        Assert.Equal("tiklive", envelope.PartnerId);
        Assert.Equal(2, envelope.Records.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_NdJsonLineWithMalformedText_KeepsTheLineForTheReader(string kind)
    {
        var body = MalformedText.Json($"{{\"recordId\":\"a\",\"giftId\":\"{MalformedText.Marker}\"}}\n{{\"recordId\":\"b\"}}\n", kind);

        var result = IngestEnvelopeParser.Parse(body, EnvelopeFormat.NdJson);

        using var envelope = result.Envelope!;
        Assert.Equal(2, envelope.Records.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Parse_MalformedTextInAnotherEnvelopeValue_IsRefusedNamingItsPath(string kind)
    {
        var body = MalformedText.Json($"{{\"partnerId\":\"tiklive\",\"note\":[\"ok\",\"{MalformedText.Marker}\"],\"records\":[{{}}]}}", kind);

        var result = IngestEnvelopeParser.Parse(body, EnvelopeFormat.Json);

        Assert.Null(result.Envelope);
        Assert.Equal($"The text at $.note[1] {JsonText.Problem}.", result.Problem);
    }

    [Fact]
    public void Parse_NotJson_SaysWhere_InItsOwnWords()
    {
        var result = IngestEnvelopeParser.Parse("{\"partnerId\":\"tiklive\",\n \"records\": [}"u8.ToArray(), EnvelopeFormat.Json);
        var empty = IngestEnvelopeParser.Parse(Array.Empty<byte>(), EnvelopeFormat.Json);

        Assert.StartsWith("The body is not valid JSON at line 2, byte ", result.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", result.Problem, StringComparison.Ordinal);
        Assert.Equal("The body is not valid JSON: it is empty; send a JSON object or NDJSON lines.", empty.Problem);
    }
}
