using System.Text.Json;
using Payouts.Domain.Periods;
using Payouts.Domain.Records.Validation;

namespace Payouts.Application.Periods;

/// <summary>One <c>statement-jobs</c> message: a period and a small batch of creators to build statements for.</summary>
public sealed record StatementJob(PeriodKey Period, IReadOnlyList<string> CreatorIds)
{
    public const int MaxCreators = 25;

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("period", Period.ToString());
            writer.WriteStartArray("creatorIds");
            foreach (var creatorId in CreatorIds)
            {
                writer.WriteStringValue(creatorId);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses a job; null for anything that is not one (it goes to the poison queue with the reason logged).</summary>
    public static StatementJob? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (!PeriodKey.TryParse(root.GetProperty("period").GetString(), out var period))
            {
                return null;
            }

            var creators = root.GetProperty("creatorIds").EnumerateArray().Select(c => c.GetString()).ToList();
            return creators.Count is > 0 and <= MaxCreators && creators.All(TextRules.IsIdentifier)
                ? new StatementJob(period, creators!)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
