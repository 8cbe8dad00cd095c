using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Payouts.Load.Infrastructure;

/// <summary>
/// <c>--profile</c>: a pipeline policy on the app's Table, Queue and Blob clients that counts every storage request by
/// kind ("GET Gifts query", "$batch Gifts MERGE", "PUT statements blob", …) and adds up the time spent waiting for it.
/// A breakdown per scenario shows where the app's storage time goes; the policy changes nothing else.
/// </summary>
internal sealed partial class StorageProfile : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        Record(message, started);
    }

    public void Reset() => _counters.Clear();

    /// <summary>The breakdown since the last call, slowest total first, as Markdown; resets the counters.</summary>
    public string TakeMarkdown(string title, int units, string unitName)
    {
        var rows = _counters.ToArray();
        _counters.Clear();
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"#### Storage calls: {title}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"| request | count | per {unitName} | total wait (s) | mean (ms) |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (kind, counter) in rows.OrderByDescending(r => r.Value.Ticks))
        {
            var seconds = Stopwatch.GetElapsedTime(0, counter.Ticks).TotalSeconds;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {kind} | {counter.Count:N0} | {(double)counter.Count / Math.Max(1, units):F2} | {seconds:F1} | {seconds * 1000 / counter.Count:F1} |");
        }

        var total = rows.Sum(r => r.Value.Count);
        md.AppendLine(CultureInfo.InvariantCulture, $"| **all** | {total:N0} | {(double)total / Math.Max(1, units):F2} | {Stopwatch.GetElapsedTime(0, rows.Sum(r => r.Value.Ticks)).TotalSeconds:F1} | |");
        return md.ToString();
    }

    private void Record(HttpMessage message, long started)
    {
        var elapsed = Stopwatch.GetTimestamp() - started;
        var counter = _counters.GetOrAdd(KindOf(message), _ => new Counter());
        Interlocked.Increment(ref counter.Count);
        Interlocked.Add(ref counter.Ticks, elapsed);
    }

    private static string KindOf(HttpMessage message)
    {
        var request = message.Request;
        var path = request.Uri.Path;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = request.Method.ToString();
        if (segments.Length < 2)
        {
            return $"{method} {path}";
        }

        var resource = segments[1];
        if (resource == "$batch")
        {
            return "$batch " + BatchTarget(request.Content);
        }

        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            var table = resource[..paren];
            return resource.EndsWith("()", StringComparison.Ordinal) || resource.Length == paren + 2
                ? $"{method} {table} query"
                : $"{method} {table} entity";
        }

        return segments.Length switch
        {
            2 when request.Uri.Query.Contains("$filter", StringComparison.Ordinal) || method == "GET" => $"{method} {resource} query",
            2 => $"{method} {resource}",
            3 when segments[2] == "messages" => $"{method} queue {resource}/messages",
            4 when segments[2] == "messages" => $"{method} queue {resource}/messages/id",
            _ => $"{method} {resource} blob",
        };
    }

    /// <summary>The table and verb of a transaction, read from its multipart body (first operation).</summary>
    private static string BatchTarget(RequestContent? content)
    {
        if (content is null)
        {
            return "?";
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 4096));
        var match = BatchOperation().Match(text);
        return match.Success ? $"{match.Groups["table"].Value} {match.Groups["verb"].Value}" : "?";
    }

    [GeneratedRegex(@"(?<verb>POST|PUT|PATCH|MERGE|DELETE) \S+?/(?<table>[A-Za-z][A-Za-z0-9]*)(\(|\s|\?)")]
    private static partial Regex BatchOperation();

    private sealed class Counter
    {
        public long Count;
        public long Ticks;
    }
}
