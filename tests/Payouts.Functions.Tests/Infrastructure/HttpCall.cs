using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Payouts.Domain.Signing;

namespace Payouts.Functions.Tests.Infrastructure;

/// <summary>Builds a real <see cref="HttpRequest"/>, runs a function's result the way the host does, and reads the response.</summary>
public static class HttpCall
{
    public static HttpRequest Request(string body, string? secret, Instant signedAt, string contentType = "application/json", string? partnerHeader = null)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
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

    public static async Task<Response> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        var text = await new StreamReader(response.Body).ReadToEndAsync();
        return new Response(response.StatusCode, response.ContentType, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    public sealed record Response(int Status, string? ContentType, JsonElement? Json)
    {
        public JsonElement Body => Json ?? throw new InvalidOperationException("The response has no body.");

        public string[] Statuses => Body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!).ToArray();
    }
}
