using System.Text.Json;

namespace Payouts.Application.Statements;

/// <summary>The formats issued statements are stored in, with their media types.</summary>
public static class StatementFormats
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv; charset=utf-8",
        ["html"] = "text/html; charset=utf-8",
        ["pdf"] = "application/pdf",
    };

    /// <summary>What every statement is stored in from now on; its header lists them.</summary>
    public static IReadOnlyList<string> Issued { get; } = ["json", "csv", "html", "pdf"];

    /// <summary>
    /// What a statement issued before PDFs were stored has (its header lists no formats). Issued documents are
    /// immutable: such a statement never gets a PDF rendered after the fact.
    /// </summary>
    public static IReadOnlyList<string> BeforePdf { get; } = ["json", "csv", "html"];

    /// <summary>What an agency statement is stored in (no PDF rendition).</summary>
    public static IReadOnlyList<string> Agency { get; } = BeforePdf;

    /// <summary>A message's <c>documents</c> object: a link to the document in each of its formats.</summary>
    public static void WriteLinks(Utf8JsonWriter writer, IEnumerable<string> formats, Func<string, Uri> documentUri)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(formats);
        ArgumentNullException.ThrowIfNull(documentUri);
        writer.WriteStartObject("documents");
        foreach (var format in formats)
        {
            writer.WriteString(format, documentUri(format).ToString());
        }

        writer.WriteEndObject();
    }
}
