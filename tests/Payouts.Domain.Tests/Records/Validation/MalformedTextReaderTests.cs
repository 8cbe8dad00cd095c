using System.Text.Json.Nodes;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Records.Wire;
using static Payouts.Domain.Tests.Records.RecordJson;

namespace Payouts.Domain.Tests.Records.Validation;

/// <summary>A string that is not text, in any field of a record (known or not) or in a name, is a field error, never an exception.</summary>
public sealed class MalformedTextReaderTests
{
    public static TheoryData<string> Kinds => MalformedText.Kinds;

    public static TheoryData<string, string> GiftFields() => Cross(["recordId", "creatorId", "liveId", "senderId", "giftId", "occurredAt", "kind", "originalRecordId", "unknownExtra"]);

    public static TheoryData<string, string> DealFields() => Cross(["recordId", "creatorId", "type", "brand", "amount", "currency", "earnedAt", "reference", "agencyCommissionRate", "unknownExtra"]);

    [Theory]
    [MemberData(nameof(GiftFields))]
    public void ReadGift_MalformedTextInField_IsErrorOnThatField(string field, string kind)
    {
        var result = GiftRecordReader.Read(MalformedText.Element(Template(Gift, field), kind), Context);

        Assert.False(result.IsValid);
        Assert.Contains(JsonText.Problem, ErrorsOf(result, field));
    }

    [Theory]
    [MemberData(nameof(DealFields))]
    public void ReadDeal_MalformedTextInField_IsErrorOnThatField(string field, string kind)
    {
        var result = DealRecordReader.Read(MalformedText.Element(Template(Deal, field), kind), Context);

        Assert.False(result.IsValid);
        Assert.Contains(JsonText.Problem, ErrorsOf(result, field));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ReadGift_MalformedPropertyName_IsRecordError(string kind)
    {
        var template = Gift.TrimEnd()[..^1] + $",\"{MalformedText.Marker}\":\"x\"}}";

        var result = GiftRecordReader.Read(MalformedText.Element(template, kind), Context);

        Assert.False(result.IsValid);
        Assert.Contains(ErrorsOf(result, "record"), m => m.Contains(JsonText.Problem, StringComparison.Ordinal));
        Assert.Equal("msg-1", result.RecordId);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ReadGift_MalformedNestedValue_IsErrorOnItsField(string kind)
    {
        var record = JsonNode.Parse(Gift)!.AsObject();
        record["liveId"] = new JsonObject { ["deep"] = MalformedText.Marker };

        var result = GiftRecordReader.Read(MalformedText.Element(record.ToJsonString(), kind), Context);

        Assert.Contains(JsonText.Problem, ErrorsOf(result, "liveId"));
    }

    /// <summary>The record with <paramref name="field"/> set to a string holding the marker (added when absent).</summary>
    private static string Template(string json, string field)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        record[field] = $"x{MalformedText.Marker}";
        return record.ToJsonString();
    }

    private static TheoryData<string, string> Cross(string[] fields)
    {
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var kind in MalformedText.Kinds)
            {
                data.Add(field, kind);
            }
        }

        return data;
    }
}
