using System.Security.Cryptography;
using System.Text;
using NodaTime;
using PdfSharp.Pdf;

namespace Payouts.Rendering.Pdf;

/// <summary>
/// A new PDF with fixed metadata: no clock, no random id where PDFsharp lets us choose. The creation date is the
/// document's own moment (a statement's issue time; a draft or a summary falls back to a day it names), and both file
/// identifiers are the first 16 bytes of a SHA-256 of <c>identity</c>, so a re-render carries the same ones.
/// </summary>
internal static class PdfDocuments
{
    public static PdfDocument Create(string title, string author, string subject, Instant? at, LocalDate fallback, string identity)
    {
        var document = new PdfDocument();
        var moment = (at ?? fallback.AtMidnight().InUtc().ToInstant()).ToDateTimeUtc();
        document.Info.Title = title;
        document.Info.Author = author;
        document.Info.Subject = subject;
        document.Info.Creator = "Payouts";
        document.Info.CreationDate = moment;
        document.Info.ModificationDate = moment;
        var id = new string([.. SHA256.HashData(Encoding.UTF8.GetBytes(identity)).Take(16).Select(b => (char)b)]);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        return document;
    }

    public static byte[] Save(PdfDocument document)
    {
        using var buffer = new MemoryStream();
        document.Save(buffer, closeStream: false);
        document.Dispose();
        return buffer.ToArray();
    }
}
