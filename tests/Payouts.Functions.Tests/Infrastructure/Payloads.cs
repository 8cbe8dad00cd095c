using System.Text.Json;
using System.Text.Json.Nodes;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Partner payloads as JSON, built field by field so a test can break exactly one field.</summary>
internal static class Payloads
{
    /// <summary>Record ids are scoped by the (unique) creator id: tests share one Azurite and one partner id space.</summary>
    public static string RecordId(string creatorId, string recordId) => $"{creatorId}.{recordId}";

    public static JsonObject Gift(string recordId, string creatorId, int coinsPerGift = 1, int quantity = 1, string occurredAt = "2026-11-10T20:15:00+01:00") => new()
    {
        ["recordId"] = RecordId(creatorId, recordId),
        ["creatorId"] = creatorId,
        ["liveId"] = "live-1",
        ["senderId"] = "viewer-42",
        ["giftId"] = "rose",
        ["coinsPerGift"] = coinsPerGift,
        ["quantity"] = quantity,
        ["occurredAt"] = occurredAt,
        ["kind"] = "gift",
    };

    public static JsonObject Deal(string recordId, string creatorId, string amount = "500.00", string currency = "EUR", string type = "productPlacement") => new()
    {
        ["recordId"] = RecordId(creatorId, recordId),
        ["creatorId"] = creatorId,
        ["type"] = type,
        ["brand"] = type == "eventBonus" ? null : "Acme",
        ["amount"] = amount,
        ["currency"] = currency,
        ["earnedAt"] = "2026-11-12T10:00:00Z",
        ["reference"] = "campaign-7",
    };

    public static string Envelope(string partnerId, params JsonNode[] records) =>
        new JsonObject { ["partnerId"] = partnerId, ["records"] = new JsonArray(records.Select(r => r.DeepClone()).ToArray()) }.ToJsonString();

    public static JsonObject With(this JsonObject record, string field, JsonNode? value)
    {
        var copy = (JsonObject)record.DeepClone();
        copy[field] = value;
        return copy;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
