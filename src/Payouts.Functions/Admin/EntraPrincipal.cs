using System.Text;
using System.Text.Json;

namespace Payouts.Functions.Admin;

/// <summary>
/// The caller App Service authentication signed in, from the <c>X-MS-CLIENT-PRINCIPAL</c> header it sets (base64 JSON
/// of the token's claims). With authentication on, the platform strips that header from incoming requests, so a
/// client cannot forge it; without authentication it is never trusted (the check is off).
/// </summary>
public sealed record EntraPrincipal(IReadOnlyList<string> Roles)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    private const int MaxHeaderLength = 32 * 1024;
    private const string LegacyRoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>The principal in the header; null when there is none or it does not decode.</summary>
    public static EntraPrincipal? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var typ) && typ.ValueKind == JsonValueKind.String ? typ.GetString() : null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return new EntraPrincipal([]);
            }

            var roles = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("typ", out var t) && t.GetString() is { } type
                    && (type == "roles" || type == LegacyRoleClaim || type == roleType))
                .Select(c => c.TryGetProperty("val", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                .OfType<string>()
                .ToList();
            return new EntraPrincipal(roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException or DecoderFallbackException)
        {
            return null;
        }
    }

    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
