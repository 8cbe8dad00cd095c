using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Payouts.Domain.Records;
using Payouts.Domain.Records.Validation;

namespace Payouts.Domain.Tests.Records;

/// <summary>Wire records as partners send them, and small edits of them, for the reader tests.</summary>
internal static class RecordJson
{
    public const string Gift = """
        {"recordId":"msg-1","creatorId":"lea","liveId":"live-1","senderId":"viewer-42","giftId":"rose",
         "coinsPerGift":1,"quantity":5,"occurredAt":"2026-11-05T20:15:00+01:00","kind":"gift"}
        """;

    public const string Refund = """
        {"recordId":"msg-2","creatorId":"lea","giftId":"galaxy","coinsPerGift":1000,"quantity":1,
         "occurredAt":"2026-11-14T09:00:00Z","kind":"refund","originalRecordId":"msg-0"}
        """;

    public const string Deal = """
        {"recordId":"d-1","creatorId":"lea","type":"productPlacement","brand":"Acme","amount":"1250.00","currency":"EUR",
         "earnedAt":"2026-11-15T10:00:00Z","reference":"camp-7","agencyCommissionRate":"0.15"}
        """;

    public const string Bonus = """
        {"recordId":"b-1","creatorId":"lea","type":"eventBonus","amount":"2000","currency":"DIAMOND","earnedAt":"2026-11-15T10:00:00Z"}
        """;

    public static readonly Instant Now = Instant.FromUtc(2026, 11, 20, 12, 0);

    public static readonly SenderIdHasher Hasher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static RecordReadContext Context { get; } = new("tiklive", Hasher, Now);

    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The record with one field set to a raw JSON value ("\"text\"", "5", "null").</summary>
    public static string With(string json, string field, string rawValue)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        record[field] = JsonNode.Parse(rawValue);
        return record.ToJsonString();
    }

    public static string Without(string json, params string[] fields)
    {
        var record = JsonNode.Parse(json)!.AsObject();
        foreach (var field in fields)
        {
            record.Remove(field);
        }

        return record.ToJsonString();
    }

    public static string Quoted(string text) => JsonSerializer.Serialize(text);

    public static RecordReadResult<GiftRecord> ReadGift(string json) => GiftRecordReader.Read(Element(json), Context);

    public static RecordReadResult<DealRecord> ReadDeal(string json) => DealRecordReader.Read(Element(json), Context);

    public static string[] ErrorsOf<T>(RecordReadResult<T> result, string field)
        where T : class =>
        result.Errors.ToDictionary().TryGetValue(field, out var messages) ? messages : [];
}
