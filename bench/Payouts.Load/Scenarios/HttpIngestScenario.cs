using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Functions.Ingestion;
using Payouts.Load.Infrastructure;
using Payouts.Load.Workloads;

namespace Payouts.Load.Scenarios;

/// <summary>
/// Signed 1000-record batches through the real <see cref="IngestGiftsHttp"/> function class in process, the way the
/// worker's ASP.NET Core integration calls it: a real <see cref="HttpRequest"/> with a body stream and the
/// Payouts-Signature header, the returned <see cref="IActionResult"/> executed into the response, the response read.
/// <c>clients</c> callers post concurrently; each batch is signed just before it is sent.
/// </summary>
internal static class HttpIngestScenario
{
    public sealed record Result(TimeSpan Elapsed, int Accepted, int NotAccepted, int Batches);

    public static async Task<Result> RunAsync(BenchApp app, IngestBatches batches, int clients, CancellationToken ct)
    {
        var function = app.Function<IngestGiftsHttp>();
        var next = -1;
        var accepted = 0;
        var notAccepted = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < batches.Batches.Count)
                {
                    var batch = batches.Batches[index];
                    var request = Request(batch.Body, Instant.FromDateTimeOffset(app.Time.GetUtcNow()));
                    var result = await function.Run(request, ct);
                    var (status, ok) = await ExecuteAsync(request, result);
                    if (status != StatusCodes.Status200OK)
                    {
                        throw new InvalidOperationException($"Batch {index} answered {status}.");
                    }

                    Interlocked.Add(ref accepted, ok);
                    Interlocked.Add(ref notAccepted, batch.Records - ok);
                }
            },
            ct)));
        return new Result(Stopwatch.GetElapsedTime(started), accepted, notAccepted, batches.Batches.Count);
    }

    private static HttpRequest Request(byte[] body, Instant signedAt)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/gifts";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.Headers[PayloadSignature.HeaderName] = PayloadSignature.Create(body, BenchApp.PartnerSecret, signedAt);
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Runs the result as the host does and reads "accepted" from the JSON response.</summary>
    private static async Task<(int Status, int Accepted)> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(response.Body);
        var accepted = json.RootElement.TryGetProperty("accepted", out var a) ? a.GetInt32() : 0;
        return (response.StatusCode, accepted);
    }
}
