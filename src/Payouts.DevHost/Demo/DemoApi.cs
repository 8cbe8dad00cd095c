using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Payouts.DevHost.Http;
using Payouts.Domain.Signing;

namespace Payouts.DevHost.Demo;

/// <summary>The demo as a partner and as an operator: signed ingestion calls with the function key, admin calls with the master key.</summary>
public sealed class DemoApi(HttpClient http, FunctionKeys keys, TimeProvider clock) : IDisposable
{
    public async Task<IngestCounts> PostRecordsAsync(string route, string partnerId, string secret, IEnumerable<JsonObject> records, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(Envelope(partnerId, records));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/{route}") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(FunctionKeys.HeaderName, keys.FunctionKey);
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(body, secret, Instant.FromDateTimeOffset(clock.GetUtcNow())));
        using var response = await http.SendAsync(request, ct);
        var json = await ReadJsonAsync(response, ct);
        return new IngestCounts(json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32(), json.GetProperty("rejected").GetInt32());
    }

    public async Task<JsonElement> AdminAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, $"api/{path}");
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        request.Headers.Add(FunctionKeys.HeaderName, keys.MasterKey);
        using var response = await http.SendAsync(request, ct);
        return await ReadJsonAsync(response, ct);
    }

    public Task<byte[]> DocumentAsync(string statementId, string mediaType, CancellationToken ct) => DocumentAsync("statements", statementId, mediaType, ct);

    /// <summary>A document of <c>GET /api/{route}/{id}</c>: a creator statement ("statements") or an agency statement ("agency-statements").</summary>
    public async Task<byte[]> DocumentAsync(string route, string statementId, string mediaType, CancellationToken ct)
    {
        var (status, body) = await GetAsync($"{route}/{Uri.EscapeDataString(statementId)}", mediaType, ct);
        return status == HttpStatusCode.OK
            ? body
            : throw new InvalidOperationException($"GET {route} {statementId} ({mediaType}) answered {(int)status}: {Encoding.UTF8.GetString(body)}");
    }

    /// <summary>An admin GET in one format, whatever it answers.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> GetAsync(string path, string mediaType, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
        request.Headers.Add(FunctionKeys.HeaderName, keys.MasterKey);
        using var response = await http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
    }

    public static string Envelope(string partnerId, IEnumerable<JsonObject> records) =>
        new JsonObject { ["partnerId"] = partnerId, ["records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()) }.ToJsonString();

    public void Dispose() => http.Dispose();

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public readonly record struct IngestCounts(int Accepted, int Duplicates, int Rejected)
    {
        public static IngestCounts operator +(IngestCounts a, IngestCounts b) => new(a.Accepted + b.Accepted, a.Duplicates + b.Duplicates, a.Rejected + b.Rejected);
    }
}
