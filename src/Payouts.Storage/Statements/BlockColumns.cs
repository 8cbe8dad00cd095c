using System.Text.Json;
using Payouts.Domain.Statements;

namespace Payouts.Storage.Statements;

/// <summary>
/// A blocked statement's reasons as one JSON column: code, message and the records involved — at most
/// <see cref="MaxRecordIds"/> ids a reason (a table property holds 32 K characters), the rest counted
/// (<see cref="BlockReason.MoreRecords"/> when read back).
/// </summary>
internal static class BlockColumns
{
    public const string Column = "Blocks";
    public const int MaxRecordIds = 100;

    public static string Write(IReadOnlyList<BlockReason> reasons)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var reason in reasons)
            {
                writer.WriteStartObject();
                writer.WriteString("code", reason.Code);
                writer.WriteString("message", reason.Message);
                writer.WriteStartArray("recordIds");
                foreach (var id in reason.RecordIds.Take(MaxRecordIds))
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteNumber("moreRecords", reason.MoreRecords + Math.Max(0, reason.RecordIds.Count - MaxRecordIds));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
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
