using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Payouts.ApiContract;
using Payouts.Domain.Signing;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Builds a real <see cref="HttpRequest"/>, runs a function's result the way the host does, and reads the response.</summary>
public static class HttpCall
{
    public static HttpRequest Request(string body, string? secret, Instant signedAt, string contentType = "application/json", string? partnerHeader = null) =>
        Request(Encoding.UTF8.GetBytes(body), secret, signedAt, contentType, partnerHeader);

    /// <summary>A request whose body is given as bytes, e.g. ones that are not valid UTF-8.</summary>
    public static HttpRequest Request(byte[] bytes, string? secret, Instant signedAt, string contentType = "application/json", string? partnerHeader = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        context.Response.Body = new MemoryStream();
        if (secret is not null)
        {
            context.Request.Headers[PayloadSignature.HeaderName] = PayloadSignature.Create(bytes, secret, signedAt);
        }

        if (partnerHeader is not null)
        {
            context.Request.Headers["Payouts-Partner-Id"] = partnerHeader;
        }

        return context.Request;
    }

    /// <summary>A request with no body, e.g. an admin GET; <paramref name="query"/> like "?period=2026-11".</summary>
    public static HttpRequest Get(string? accept = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        context.Response.Body = new MemoryStream();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        return context.Request;
    }

    /// <summary>
    /// Runs <paramref name="result"/> as the host would and reads the answer, then checks it against docs/openapi.yaml:
    /// the operation of <typeparamref name="TFunction"/> (its <c>[HttpTrigger]</c> method and route) must document this
    /// status and media type, and a JSON body must pass that response's schema. Every violation is listed in one failure.
    /// </summary>
    public static async Task<Response> ExecuteAsync<TFunction>(HttpRequest request, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        using var bytes = new MemoryStream();
        await response.Body.CopyToAsync(bytes);
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        var route = FunctionRoute.Of<TFunction>();
        if (ApiContract.ApiContract.Current.Check(route.Method, route.Path, response.StatusCode, response.ContentType, text) is { Count: > 0 } violations)
        {
            Assert.Fail($"The answer breaks docs/openapi.yaml:\n  {string.Join("\n  ", violations)}\nBody: {(text.Length > 2000 ? text[..2000] + "…" : text)}");
        }

        return new Response(response.StatusCode, response.ContentType, text)
        {
            Headers = response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Bytes = bytes.ToArray(),
        };
    }

    public sealed record Response(int Status, string? ContentType, string Text)
    {
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        /// <summary>The body as sent, for binary documents (a PDF).</summary>
        public byte[] Bytes { get; init; } = [];

        public JsonElement Body => Text.Length > 0 ? JsonDocument.Parse(Text).RootElement.Clone() : throw new InvalidOperationException("The response has no body.");

        public string[] Statuses => Body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!).ToArray();
    }
}
