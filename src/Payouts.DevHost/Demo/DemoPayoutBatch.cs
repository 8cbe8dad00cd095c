using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Payouts.Domain.Periods;

namespace Payouts.DevHost.Demo;

/// <summary>
/// The finance team's part of the demo: payout details for every creator (a SEPA IBAN from the IBAN registry's
/// examples for those paid in EUR, manual for the others), then the period's payout batch as JSON, CSV and pain.001.
/// </summary>
internal static class DemoPayoutBatch
{
    private static readonly string[] Ibans =
    [
        "FR76 3000 6000 0112 3456 7890 189", "DE89 3704 0044 0532 0130 00", "NL91 ABNA 0417 1643 00", "BE68 5390 0754 7034", "IT60 X054 2811 1010 0000 0123 456",
    ];

    public static async Task SetDetailsAsync(DemoApi api, IReadOnlyList<DemoCreator> creators, CancellationToken ct)
    {
        for (var i = 0; i < creators.Count; i++)
        {
            var creator = creators[i];
            var holder = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(creator.CreatorId) + " Demo";
            object body = creator.Currency == "EUR" ? new { iban = Ibans[i % Ibans.Length], accountHolder = holder } : new { accountHolder = holder, method = "manual" };
            await api.AdminAsync(HttpMethod.Put, $"creators/{creator.CreatorId}/payout-details", body, ct);
        }
    }

    /// <summary>
    /// Waits until the batch is ready (the last statement job may still be finishing: 409), writes the three files
    /// and returns them with a line saying what the batch pays.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Files, string Summary)> DownloadAsync(DemoApi api, PeriodKey period, string folder, Func<Func<Task<bool>>, string, CancellationToken, Task> poll, CancellationToken ct)
    {
        var route = $"periods/{period}/payout-batch";
        byte[] json = [];
        await poll(
            async () =>
            {
                var (status, body) = await api.GetAsync(route, "application/json", ct);
                json = body;
                return status == HttpStatusCode.OK;
            },
            $"the payout batch of {period}",
            ct);
        var files = new List<string>();
        foreach (var (media, extension) in new[] { ("application/json", "json"), ("text/csv", "csv"), ("application/xml", "xml") })
        {
            var (status, body) = await api.GetAsync(route, media, ct);
            if (status == HttpStatusCode.OK)
            {
                var path = Path.Combine(folder, $"payout-batch.{extension}");
                await File.WriteAllBytesAsync(path, body, ct);
                files.Add(path);
            }
        }

        using var summary = JsonDocument.Parse(json);
        var root = summary.RootElement;
        var transfer = root.GetProperty("transferFile");
        var excluded = root.GetProperty("excluded").EnumerateArray().Select(e => $"{e.GetProperty("creatorId").GetString()} ({e.GetProperty("reason").GetString()})");
        var totals = string.Join(", ", root.GetProperty("totals").EnumerateObject().Select(t => $"{t.Value.GetProperty("payable").GetString()} {t.Name}"));
        var line = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Payout batch {period} v{root.GetProperty("version").GetInt32()}: {root.GetProperty("rows").GetArrayLength()} payable statements ({totals}); ")
            .Append(CultureInfo.InvariantCulture, $"pain.001 pays {transfer.GetProperty("transactions").GetInt32()} by SEPA transfer ({transfer.GetProperty("controlSum").GetString()} EUR)")
            .Append(root.GetProperty("excluded").GetArrayLength() > 0 ? $"; paid by hand: {string.Join(", ", excluded)}" : string.Empty)
            .ToString();
        return (files, line);
    }
}
