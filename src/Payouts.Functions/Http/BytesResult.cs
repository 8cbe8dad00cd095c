using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Payouts.Functions.Http;

/// <summary>A response body written as is, with no MVC machinery (any host, including tests, can execute it).</summary>
public sealed class BytesResult(int status, string contentType, byte[] body) : IActionResult
{
    public int Status => status;

    public string ContentType => contentType;

    public byte[] Body => body;

    /// <summary>Response headers beside Content-Type (an ETag, Cache-Control).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static BytesResult Json(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return new BytesResult(status, "application/json; charset=utf-8", buffer.ToArray());
    }

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        await response.Body.WriteAsync(body);
    }
}
