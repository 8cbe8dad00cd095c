using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Payouts.Domain.Signing;

namespace Payouts.Reliability.Tests;

/// <summary>What a partner and an operator do over HTTP: signed batches with the function key, admin calls with the master key.</summary>
public sealed class PipelineClient(Uri baseAddress) : IDisposable
{
    public const string Partner = "demo-partner";
    public const string PartnerSecret = "local-dev-only-partner-secret-not-for-production";

    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Posts one gift batch; returns (status, accepted, duplicates) or throws when the host is gone.</summary>
    public async Task<(int Status, int Accepted, int Duplicates)> PostGiftsAsync(string body, CancellationToken ct = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "gifts") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-functions-key", DevHostProcess.FunctionKey);
        request.Headers.Add(PayloadSignature.HeaderName, PayloadSignature.Create(bytes, PartnerSecret, SystemClock.Instance.GetCurrentInstant()));
        using var response = await _http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode, 0, 0);
        }

        var json = JsonDocument.Parse(text).RootElement;
        return ((int)response.StatusCode, json.GetProperty("accepted").GetInt32(), json.GetProperty("duplicates").GetInt32());
    }

    public async Task<JsonElement> AdminAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", DevHostProcess.MasterKey);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Rates (FR) and one contract per creator, minimum payout 0, so every creator gets an issued statement.</summary>
    public async Task LoadReferenceDataAsync(IEnumerable<string> creators)
    {
        foreach (var (kind, key, value) in new[] { ("diamondsPerCoin", "FR", "0.5"), ("usdPerDiamond", "FR", "0.005"), ("usdPerCoinReference", string.Empty, "0.0105"), ("fx", "USD/EUR", "0.92") })
        {
            await AdminAsync(HttpMethod.Put, "rates", new JsonObject { ["kind"] = kind, ["key"] = key, ["from"] = "2020-01-01", ["value"] = value, ["versionId"] = $"{kind}-2020" });
        }

        foreach (var creator in creators)
        {
            await AdminAsync(HttpMethod.Put, $"creators/{creator}", new JsonObject
            {
                ["effectiveFrom"] = "2020-01-01", ["region"] = "FR", ["payoutCurrency"] = "EUR", ["agencyId"] = "reliability-agency",
                ["commissionGifts"] = "0.20", ["commissionDeals"] = "0.15", ["commissionBonuses"] = "0.10", ["minimumPayout"] = "0.00",
            });
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Batches of gift records for <paramref name="creators"/> in <paramref name="month"/> ("2026-09"), each record with a distinct id.</summary>
    public static List<string> GiftBatches(string runId, IReadOnlyList<string> creators, string month, int batches, int perBatch)
    {
        var result = new List<string>();
        for (var b = 0; b < batches; b++)
        {
            var records = new JsonArray();
            for (var i = 0; i < perBatch; i++)
            {
                var creator = creators[(b * perBatch + i) % creators.Count];
                records.Add(new JsonObject
                {
                    ["recordId"] = $"{runId}-{b}-{i}", ["creatorId"] = creator, ["giftId"] = "rose", ["coinsPerGift"] = 1 + (i % 7),
                    ["quantity"] = 1 + (i % 3), ["occurredAt"] = $"{month}-{1 + (i % 28):D2}T12:00:00Z", ["senderId"] = $"viewer-{i % 50}", ["kind"] = "gift",
                });
            }

            result.Add(new JsonObject { ["partnerId"] = Partner, ["records"] = records }.ToJsonString());
        }

        return result;
    }
}
