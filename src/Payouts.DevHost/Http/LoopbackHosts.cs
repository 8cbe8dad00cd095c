using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Payouts.DevHost.Http;

/// <summary>
/// The Host names the DevHost answers: <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c> on any port, plus the
/// <c>;</c>-separated names of <c>DevHost:AllowedHosts</c>. Any other Host header gets 400 before a function runs: a
/// page in the developer's browser can point its own name at 127.0.0.1 (DNS rebinding), but its requests still carry
/// that name.
/// </summary>
public static class LoopbackHosts
{
    public const string AllowedHostsSetting = "DevHost:AllowedHosts";

    public static IReadOnlyList<string> Loopback { get; } = ["localhost", "127.0.0.1", "[::1]"];

    public static IReadOnlyList<string> Allowed(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = (configuration[AllowedHostsSetting] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. Loopback.Concat(configured).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>ASP.NET Core's host filtering, with the names above; <c>UseHostFiltering()</c> puts it in the pipeline.</summary>
    public static IServiceCollection AddLoopbackHostFiltering(this IServiceCollection services, IConfiguration configuration)
    {
        var allowed = Allowed(configuration);
        return services.AddHostFiltering(options =>
        {
            options.AllowedHosts = [.. allowed];

            // Browsers always send Host; a request without one is not from a page, and not worth a special case either.
            options.AllowEmptyHosts = false;
        });
    }
}
