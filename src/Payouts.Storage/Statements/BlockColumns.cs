using System.Text.Json;
using Payouts.Domain.Statements;

namespace Payouts.Storage.Statements;

/// <summary>
/// A blocked statement's reasons as one JSON column: code, message and the records involved, bounded so a row always
/// holds them (a table property holds 32 K characters): at most <see cref="MaxReasons"/> reasons, messages cut at
/// <see cref="MaxMessageLength"/> characters, and at most <see cref="MaxRecordIdsInAll"/> record ids over all reasons
/// (<see cref="MaxRecordIds"/> a reason), the rest counted
/// (<see cref="BlockReason.MoreRecords"/> when read back). A blocked marker that cannot be written would turn one
/// creator's data problem into a failing job.
/// </summary>
internal static class BlockColumns
{
    public const string Column = "Blocks";
    public const int MaxRecordIds = 100;
    public const int MaxRecordIdsInAll = 150;
    public const int MaxReasons = 20;
    public const int MaxMessageLength = 300;
    public const string MoreReasonsCode = "more-reasons";

    public static string Write(IReadOnlyList<BlockReason> reasons)
    {
        var kept = Kept(reasons);
        var idsEach = kept.Count == 0 ? 0 : Math.Min(MaxRecordIds, MaxRecordIdsInAll / kept.Count);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var reason in kept)
            {
                writer.WriteStartObject();
                writer.WriteString("code", reason.Code);
                writer.WriteString("message", reason.Message);
                writer.WriteStartArray("recordIds");
                foreach (var id in reason.RecordIds.Take(idsEach))
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteNumber("moreRecords", reason.MoreRecords + Math.Max(0, reason.RecordIds.Count - idsEach));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The messages alone, one a line, within the same bounds (the plain-text column beside the JSON).</summary>
    public static string Messages(IReadOnlyList<BlockReason> reasons) => string.Join('\n', Kept(reasons).Select(r => r.Message));

    /// <summary>The reasons a row keeps: the first <see cref="MaxReasons"/> − 1 and, past that, one that counts the rest.</summary>
    private static List<BlockReason> Kept(IReadOnlyList<BlockReason> reasons)
    {
        var kept = reasons.Count <= MaxReasons ? [.. reasons] : reasons.Take(MaxReasons - 1).ToList();
        if (reasons.Count > MaxReasons)
        {
            kept.Add(BlockReason.Of(MoreReasonsCode, $"and {reasons.Count - kept.Count} more reasons"));
        }

        return [.. kept.Select(r => r.Message.Length <= MaxMessageLength ? r : r with { Message = string.Concat(r.Message.AsSpan(0, MaxMessageLength - 1), "…") })];
    }

    /// <summary>The reasons back; rows written before codes existed give their messages with code <c>unknown</c>.</summary>
    public static IReadOnlyList<BlockReason> Read(string? json, string? messages)
    {
        if (string.IsNullOrEmpty(json))
        {
            return string.IsNullOrEmpty(messages) ? [] : [.. messages.Split('\n').Select(m => BlockReason.Of("unknown", m))];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(r => new BlockReason(
            r.GetProperty("code").GetString()!,
            r.GetProperty("message").GetString()!,
            [.. r.GetProperty("recordIds").EnumerateArray().Select(i => i.GetString()!)])
        {
            MoreRecords = r.TryGetProperty("moreRecords", out var more) ? more.GetInt32() : 0,
        })];
    }
}
