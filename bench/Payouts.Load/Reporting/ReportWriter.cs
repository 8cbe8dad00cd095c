using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Payouts.Load.Reporting;

/// <summary>Prints the results table and writes <c>bench/results/{date}-{commit}-{command}.md|.json</c>.</summary>
internal static class ReportWriter
{
    public static string ToMarkdown(LoadReport report)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Payouts load run: `{report.Command}`");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- started (UTC): {report.StartedUtc}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- commit: `{report.Commit}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- machine: {report.Machine}; runtime: {report.Runtime}; storage: {report.Azurite}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- sizes: {string.Join(", ", report.Sizes.Select(s => $"{s.Key}={s.Value.ToString("N0", CultureInfo.InvariantCulture)}"))}");
        md.AppendLine();
        md.AppendLine("| figure | size | time (s) | records/s | entities/s | vs baseline | ratio (records) | ratio (entities) | goal | peak WS (MB) |");
        md.AppendLine("|---|---|---:|---:|---:|---|---:|---:|---|---:|");
        foreach (var m in report.Measurements)
        {
            var goal = m.Goal is { } g && m.RecordRatio is { } r ? $"≥ {g:P0} {(r >= g ? "✓" : "✗")}" : string.Empty;
            if (m.Key == "close" && m.PeakWorkingSetBytes is { } peak)
            {
                goal += $"{(goal.Length > 0 ? "; " : string.Empty)}≤ 200 MB {(peak <= 200L * 1024 * 1024 ? "✓" : "✗")}";
            }

            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {(m.IsBaseline ? "raw: " : "**Payouts**: ")}{m.Name} | {m.Size} | {m.Seconds:F1} | {Rate(m.RecordsPerSecond)} | {Rate(m.EntitiesPerSecond)} | {m.Baseline ?? "—"} | {Ratio(m.RecordRatio)} | {Ratio(m.EntityRatio)} | {goal} | {(m.PeakWorkingSetBytes is { } p ? (p / 1024d / 1024d).ToString("F0", CultureInfo.InvariantCulture) : string.Empty)} |");
        }

        md.AppendLine();
        foreach (var m in report.Measurements.Where(m => m.Notes is not null))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- *{m.Name}*: {m.Notes}");
        }

        foreach (var m in report.Measurements.Where(m => m.AppMemory is not null))
        {
            var a = m.AppMemory!;
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"App process memory during *{m.Name}* ({a.Process}; {a.Method}; {a.Samples} samples during the close):");
            md.AppendLine();
            md.AppendLine("| at rest before the close: VmRSS | start-up peak: VmHWM | close: peak VmRSS sampled | close: VmHWM | after the close: VmRSS |");
            md.AppendLine("|---:|---:|---:|---:|---:|");
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Mb(a.AtRestRssBytes)} MB | {Mb(a.StartUpHighWaterMarkBytes)} MB | {Mb(a.PeakRssBytes)} MB | {Mb(a.HighWaterMarkBytes)} MB{(a.HighWaterMarkReset ? " (reset at the close)" : " (since start: not reset)")} | {Mb(a.EndRssBytes)} MB |");
            md.AppendLine();
        }

        foreach (var note in report.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        foreach (var profile in report.Profiles)
        {
            md.AppendLine();
            md.Append(profile);
        }

        return md.ToString();
    }

    public static (string Markdown, string Json) Write(LoadReport report, string directory, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{now:yyyy-MM-dd}-{report.Commit}-{report.Command}");
        File.WriteAllText(stem + ".md", ToMarkdown(report));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(report, LoadReportJson.Default.LoadReport) + "\n");
        return (stem + ".md", stem + ".json");
    }

    private static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F0", CultureInfo.InvariantCulture);

    private static string Rate(double? perSecond) => perSecond is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "—";
}
