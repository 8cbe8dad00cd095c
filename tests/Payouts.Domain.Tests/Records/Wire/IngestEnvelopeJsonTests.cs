using System.Text;
using System.Text.Json;
using Payouts.Domain.Records.Wire;

namespace Payouts.Domain.Tests.Records.Wire;

public sealed class IngestEnvelopeJsonTests
{
    [Fact]
    public void Parse_ValidEnvelope_ExposesPartnerAndRecordsInOrder()
    {
        var result = Parse("""{"partnerId":"tiklive","records":[{"recordId":"a"},{"recordId":"b"},{"recordId":"c"}]}""");

        Assert.Null(result.Problem);
        using var envelope = result.Envelope!;
        Assert.Equal("tiklive", envelope.PartnerId);
        Assert.Equal(["a", "b", "c"], envelope.Records.Select(r => r.GetProperty("recordId").GetString()));
    }

    [Fact]
    public void Parse_RecordOfWrongShape_IsLeftForTheRecordReader()
    {
        var result = Parse("""{"partnerId":"tiklive","records":[42,"x",{"recordId":"a"}]}""");
        using var envelope = result.Envelope!;
        Assert.Equal(JsonValueKind.Number, envelope.Records[0].ValueKind);
        Assert.Equal(3, envelope.Records.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":[")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":[{}],}")] // trailing comma
    [InlineData("{\"partnerId\":\"tiklive\",/* c */\"records\":[{}]}")] // comment
    [InlineData("")]
    public void Parse_NotValidJson_IsRefused(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Envelope);
        Assert.StartsWith("The body is not valid JSON", result.Problem, StringComparison.Ordinal);
        Assert.Null(result.ClaimedPartnerId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"records\"")]
    public void Parse_RootNotAnObject_IsRefusedWithoutField(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Envelope);
        Assert.NotNull(result.Problem);
        Assert.Null(result.Errors);
    }

    [Theory]
    [InlineData("{\"records\":[{}]}")]
    [InlineData("{\"partnerId\":7,\"records\":[{}]}")]
    [InlineData("{\"partnerId\":null,\"records\":[{}]}")]
    [InlineData("{\"partnerId\":\"\",\"records\":[{}]}")]
    [InlineData("{\"partnerId\":\"tik live\",\"records\":[{}]}")]
    public void Parse_BadPartnerId_IsRefusedOnPartnerIdAndClaimsNoPartner(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Envelope);
        Assert.Equal(["partnerId"], result.Errors!.Keys);
        Assert.Null(result.ClaimedPartnerId);
    }

    [Theory]
    [InlineData("{\"partnerId\":\"tiklive\"}")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":{}}")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":null}")]
    [InlineData("{\"partnerId\":\"tiklive\",\"records\":[]}")]
    public void Parse_BadRecords_IsRefusedOnRecordsButKeepsTheClaimedPartner(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Envelope);
        Assert.Equal(["records"], result.Errors!.Keys);
        Assert.Equal("tiklive", result.ClaimedPartnerId);
    }

    [Fact]
    public void Parse_ExactlyMaxRecords_IsAccepted()
    {
        using var envelope = Parse(Envelope(IngestEnvelopeParser.MaxRecords)).Envelope!;
        Assert.Equal(1000, envelope.Records.Count);
    }

    [Fact]
    public void Parse_OneMoreThanMaxRecords_IsRefused()
    {
        var result = Parse(Envelope(IngestEnvelopeParser.MaxRecords + 1));
        Assert.Null(result.Envelope);
        Assert.Contains("at most 1000", result.Problem, StringComparison.Ordinal);
        Assert.Equal("tiklive", result.ClaimedPartnerId);
    }

    [Fact]
    public void Parse_DeeplyNestedRecord_IsRefused()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 10)) + "1" + new string('}', 10);
        var result = Parse($$"""{"partnerId":"tiklive","records":[{{nested}}]}""");
        Assert.Null(result.Envelope);
        Assert.NotNull(result.Problem);
    }

    [Fact]
    public void Parse_FlatRecordWithOneNestedObject_IsAccepted()
    {
        using var envelope = Parse("""{"partnerId":"tiklive","records":[{"recordId":"a","extra":{"b":[1]}}]}""").Envelope!;
        Assert.Single(envelope.Records);
    }

    [Fact]
    public void Dispose_ReleasesTheRecords()
    {
        var envelope = Parse("""{"partnerId":"tiklive","records":[{"recordId":"a"}]}""").Envelope!;
        var record = envelope.Records[0];
        envelope.Dispose();
        Assert.Throws<ObjectDisposedException>(() => record.GetProperty("recordId"));
    }

    private static EnvelopeParseResult Parse(string body) => IngestEnvelopeParser.Parse(Encoding.UTF8.GetBytes(body), EnvelopeFormat.Json);

    private static string Envelope(int count) =>
        "{\"partnerId\":\"tiklive\",\"records\":[" + string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"recordId\":\"r{i}\"}}")) + "]}";
}
