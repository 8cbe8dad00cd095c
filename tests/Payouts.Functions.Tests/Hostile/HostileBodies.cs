using System.Text;

namespace Payouts.Functions.Tests.Hostile;

/// <summary>Bodies that are not a batch at all: broken JSON, hostile shapes, nesting and sizes. "{C}" is replaced by a fresh creator id.</summary>
public static class HostileBodies
{
    private const string Gift = "{\"recordId\":\"{C}.r\",\"creatorId\":\"{C}\",\"giftId\":\"rose\",\"coinsPerGift\":1,\"quantity\":1,\"occurredAt\":\"2026-11-10T20:15:00Z\",\"kind\":\"gift\"}";

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, body) in Cases())
        {
            data.Add(name, body);
        }

        return data;
    }

    public static IEnumerable<(string Name, string Body)> Cases()
    {
        yield return ("empty", string.Empty);
        yield return ("open brace", "{");
        yield return ("close brace", "}");
        yield return ("null", "null");
        yield return ("true", "true");
        yield return ("number", "42");
        yield return ("string", "\"tiklive\"");
        yield return ("array", $"[{Gift}]");
        yield return ("truncated", "{\"partnerId\":");
        yield return ("single quotes", "{'partnerId':'tiklive','records':[]}");
        yield return ("hole in array", "{\"partnerId\":\"tiklive\",\"records\":[,]}");
        yield return ("trailing comma", $"{{\"partnerId\":\"tiklive\",\"records\":[{Gift},]}}");
        yield return ("comment", $"{{/* hi */\"partnerId\":\"tiklive\",\"records\":[{Gift}]}}");
        yield return ("NaN literal", "{\"partnerId\":\"tiklive\",\"records\":[NaN]}");
        yield return ("nul byte", "{\"partnerId\":\"tiklive\"\0,\"records\":[]}");
        yield return ("invalid utf8", Encoding.Latin1.GetString([0x7b, 0xff, 0xfe, 0x7d]));
        yield return ("no records", "{\"partnerId\":\"tiklive\"}");
        yield return ("records null", "{\"partnerId\":\"tiklive\",\"records\":null}");
        yield return ("records object", $"{{\"partnerId\":\"tiklive\",\"records\":{Gift}}}");
        yield return ("records string", "{\"partnerId\":\"tiklive\",\"records\":\"all of them\"}");
        yield return ("records empty", "{\"partnerId\":\"tiklive\",\"records\":[]}");
        yield return ("1001 records", $"{{\"partnerId\":\"tiklive\",\"records\":[{string.Join(',', Enumerable.Repeat(Gift, 1001))}]}}");
        yield return ("5000 records", $"{{\"partnerId\":\"tiklive\",\"records\":[{string.Join(',', Enumerable.Repeat(Gift, 5000))}]}}");
        foreach (var depth in new[] { 9, 20, 100, 1000 })
        {
            yield return ($"nested {depth}", $"{{\"partnerId\":\"tiklive\",\"records\":[{new string('[', depth)}{new string(']', depth)}]}}");
        }

        yield return ("partner number", $"{{\"partnerId\":7,\"records\":[{Gift}]}}");
        yield return ("partner OData", $"{{\"partnerId\":\"tiklive' or '1' eq '1\",\"records\":[{Gift}]}}");
        yield return ("partner slash", $"{{\"partnerId\":\"tik/live\",\"records\":[{Gift}]}}");
        yield return ("partner huge", $"{{\"partnerId\":\"{new string('p', 10_000)}\",\"records\":[{Gift}]}}");
    }
}
