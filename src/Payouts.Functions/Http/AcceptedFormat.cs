using Microsoft.AspNetCore.Http;

namespace Payouts.Functions.Http;

/// <summary>Which document a GET answers with, by its Accept header: PDF, CSV or HTML when asked for, JSON otherwise.</summary>
internal static class AcceptedFormat
{
    public static string Of(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("application/pdf", StringComparison.OrdinalIgnoreCase) ? "pdf"
            : accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ? "csv"
            : accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) ? "html"
            : "json";
    }
}
