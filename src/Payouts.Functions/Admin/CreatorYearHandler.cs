using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Application.Statements;
using Payouts.Domain.Records.Validation;
using Payouts.Domain.Statements.Yearly;
using Payouts.Functions.Http;
using Payouts.Rendering.Pdf;
using Payouts.Storage.Statements;

namespace Payouts.Functions.Admin;

/// <summary>A creator's yearly summary as JSON, CSV, HTML or PDF (by Accept), computed from the year's issued statements.</summary>
public sealed class CreatorYearHandler(CreatorYearReader reader)
{
    private const int FirstYear = 2000;
    private const int LastYear = 2999;

    public async Task<IActionResult> GetAsync(HttpRequest request, string creatorId, string year, CancellationToken ct)
    {
        if (!TextRules.IsIdentifier(creatorId))
        {
            return ProblemResult.BadRequest($"creatorId may only contain {TextRules.IdentifierAlphabet}.");
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < FirstYear or > LastYear)
        {
            return ProblemResult.BadRequest($"'{year}' is not a year between {FirstYear} and {LastYear}.");
        }

        var summary = await reader.ReadAsync(creatorId, number, ct);
        var format = AcceptedFormat.Of(request);
        var body = format switch
        {
            "pdf" => YearlySummaryPdf.ToPdf(summary),
            "csv" => YearlySummaryCsv.ToUtf8(summary),
            "html" => Encoding.UTF8.GetBytes(YearlySummaryHtml.ToHtml(summary)),
            _ => YearlySummaryJson.ToUtf8(summary),
        };
        return new BytesResult(StatusCodes.Status200OK, StatementFormats.ContentTypes[format], body);
    }
}
