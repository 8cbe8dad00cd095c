using System.Text.Json;

namespace Payouts.Application.Statements;

/// <summary>The formats every issued statement is stored in, with their media types.</summary>
public static class StatementFormats
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
    };

    /// <summary>A message's <c>documents</c> object: a link to the document in every format.</summary>
    public static void WriteLinks(Utf8JsonWriter writer, Func<string, Uri> documentUri)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documentUri);
        writer.WriteStartObject("documents");
        foreach (var format in ContentTypes.Keys)
        {
            writer.WriteString(format, documentUri(format).ToString());
        }

        writer.WriteEndObject();
    }
}
