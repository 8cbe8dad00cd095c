using System.Text;
using Payouts.Domain.Records.Wire;

namespace Payouts.Domain.Tests.Records.Wire;

public sealed class IngestEnvelopeNdJsonTests
{
    [Fact]
    public void Parse_OneRecordPerLine_ReadsEveryLineWithoutPartner()
    {
        using var envelope = Parse("{\"recordId\":\"a\"}\n{\"recordId\":\"b\"}\n{\"recordId\":\"c\"}").Envelope!;

        Assert.Null(envelope.PartnerId);
        Assert.Equal(["a", "b", "c"], envelope.Records.Select(r => r.GetProperty("recordId").GetString()));
    }

    [Fact]
    public void Parse_CrLfAndBlankLinesAndTrailingNewline_AreTolerated()
    {
        using var envelope = Parse("{\"recordId\":\"a\"}\r\n\r\n   \n{\"recordId\":\"b\"}\r\n").Envelope!;
        Assert.Equal(2, envelope.Records.Count);
    }

    [Fact]
    public void Parse_InvalidLine_NamesThatLine()
    {
        var result = Parse("{\"recordId\":\"a\"}\n{\"recordId\":\n{\"recordId\":\"c\"}");
        Assert.Null(result.Envelope);
        Assert.StartsWith("Line 2 is not valid JSON", result.Problem, StringComparison.Ordinal);
        Assert.Matches(@"^Line 2 is not valid JSON at byte \d+\.$", result.Problem);
    }

    [Fact]
    public void Parse_InvalidLineAfterBlankLines_NamesThePhysicalLine()
    {
        var result = Parse("{\"recordId\":\"a\"}\n\n{bad}\n");
        Assert.StartsWith("Line 3 is not valid JSON", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoRecordsOnOneLine_IsRefused() => Assert.Null(Parse("{\"recordId\":\"a\"} {\"recordId\":\"b\"}").Envelope);

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("  \r\n \t ")]
    public void Parse_NoRecords_IsRefusedOnRecords(string body)
    {
        var result = Parse(body);
        Assert.Null(result.Envelope);
        Assert.Equal(["records"], result.Errors!.Keys);
    }

    [Fact]
    public void Parse_ExactlyMaxLines_IsAccepted()
    {
        using var envelope = Parse(Lines(IngestEnvelopeParser.MaxRecords)).Envelope!;
        Assert.Equal(1000, envelope.Records.Count);
    }

    [Fact]
    public void Parse_OneLineTooMany_IsRefused()
    {
        var result = Parse(Lines(IngestEnvelopeParser.MaxRecords + 1));
        Assert.Null(result.Envelope);
        Assert.Contains("at most 1000", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedLine_IsRefused()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 20)) + new string(']', 20);
        Assert.Null(Parse(nested).Envelope);
    }

    private static EnvelopeParseResult Parse(string body) => IngestEnvelopeParser.Parse(Encoding.UTF8.GetBytes(body), EnvelopeFormat.NdJson);

    private static string Lines(int count) => string.Join("\n", Enumerable.Range(0, count).Select(i => $"{{\"recordId\":\"r{i}\"}}"));
}
