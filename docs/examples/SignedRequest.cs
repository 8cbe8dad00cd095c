using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Payouts.Examples;

/// <summary>POSTs a JSON batch to Payouts, signed: <c>Payouts-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>.</summary>
public static class SignedRequest
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string route, string body, string functionKey, string partnerSecret)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes(t + "."), .. bytes];
        var v1 = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(partnerSecret), signed));
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("x-functions-key", functionKey);
        request.Headers.Add("Payouts-Signature", $"t={t},v1={v1}");
        return await http.SendAsync(request);
    }
}
