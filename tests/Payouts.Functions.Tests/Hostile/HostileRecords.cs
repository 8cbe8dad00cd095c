using System.Text.Json.Nodes;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>
/// Generated bad records: every field of the gift and deal contracts crossed with values that are out of range, of the
/// wrong type, malformed, or built to break a Table key or an OData filter. Each case is (kind, field, value).
/// </summary>
public static class HostileRecords
{
    private static readonly JsonNode?[] BadIdentifiers =
    [
        "a/b", "a\\b", "a#b", "a?b", "tab\there", "nul\0x", "line\nbreak", "x' or 'a' eq 'a", "PartitionKey eq 'x'",
        "é", "\u202eevil", new string('a', 129), string.Empty, 12, true, new JsonArray(), new JsonObject(),
    ];

    private static readonly JsonNode?[] BadCounts =
    [
        0, -1, 100_001, 1_000_001, 2_147_483_648L, JsonNode.Parse("9223372036854775808"), JsonNode.Parse("1e30"), 1.5m, "5", true,
        new JsonArray(), JsonNode.Parse("123456789012345678901234567890"),
    ];

    private static readonly JsonNode?[] BadInstants =
    [
        "2026-13-01T00:00:00Z", "yesterday", "2026-11-10T20:15:00", "1900-01-01T00:00:00Z", "2099-01-01T00:00:00Z", string.Empty,
        12345, "2026-11-10T25:00:00Z", "2026-11-10T20:15:00+25:00", "2026-02-30T10:00:00Z", "2026-11-10 20:15:00Z",
    ];

    private static readonly JsonNode?[] BadAmounts =
    [
        "1e3", "12.345", "123456789012345678901234567890", "-", string.Empty, 12.5m, "NaN", "Infinity", "1,000.00", " 5", "0x10",
        "99999999999999999999.99",
    ];

    private static readonly JsonNode?[] BadCurrencies = ["XXX", "eur", "EURO", string.Empty, 978, "E U R", "DIAMONDS"];

    public static TheoryData<string, string, string?> Gifts()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var field in new[] { "recordId", "creatorId", "giftId", "liveId", "senderId" })
        {
            Add(data, "gift", field, BadIdentifiers.Where(v => field is "recordId" or "creatorId" or "giftId" || v?.ToString().Length > 0));
        }

        foreach (var field in new[] { "coinsPerGift", "quantity" })
        {
            Add(data, "gift", field, BadCounts.Append(null));
        }

        Add(data, "gift", "occurredAt", BadInstants.Append(null));
        Add(data, "gift", "kind", ["gifts", string.Empty, 1, "REFUND", "refund", null]);
        Add(data, "gift", "originalRecordId", ["some-gift"]);
        return data;
    }

    public static TheoryData<string, string, string?> Deals()
    {
        var data = new TheoryData<string, string, string?>();
        Add(data, "deal", "recordId", BadIdentifiers);
        Add(data, "deal", "creatorId", BadIdentifiers);
        Add(data, "deal", "amount", BadAmounts.Append(null));
        Add(data, "deal", "currency", BadCurrencies.Append("DIAMOND").Append(null));
        Add(data, "deal", "type", ["other", string.Empty, null, 3]);
        Add(data, "deal", "earnedAt", BadInstants.Append(null));
        Add(data, "deal", "brand", [new string('b', 300), "ctrl\u0001char", null]);
        Add(data, "deal", "agencyCommissionRate", ["1.5", "-0.1", "abc", 0.2m]);
        return data;
    }

    /// <summary>The value as JSON text (null means the field is removed), so xunit can show and serialise each case.</summary>
    private static void Add(TheoryData<string, string, string?> data, string kind, string field, IEnumerable<JsonNode?> values)
    {
        foreach (var value in values)
        {
            data.Add(kind, field, value?.ToJsonString());
        }
    }
}
