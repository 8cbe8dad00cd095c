namespace Payouts.Rendering.Pdf.Layout;

/// <summary>A table column: its header, its share of the text width, and whether figures in it align right.</summary>
internal sealed record PdfColumn(string Header, double Share, bool Right = false);
