using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Payouts.Domain.Records.Validation;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Admin;

/// <summary>
/// Who made an admin call, for the audit columns (voids, forced rates, payout details): the Entra principal when App
/// Service authentication is required, else the key. The principal header is trusted only then: App Service
/// authentication sets it and strips it from incoming requests; without it, any caller holding the key could send it.
/// </summary>
public sealed class AdminCaller(IOptionsMonitor<PayoutsOptions> options)
{
    public const int MaxReasonLength = 500;

    /// <summary>The caller's Entra object id, set by App Service authentication (<see cref="EntraPrincipal"/>).</summary>
    public const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";

    /// <summary>The only credential admin routes take when Entra ID is off.</summary>
    public const string MasterKeyCaller = "master-key";

    public string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return options.CurrentValue.Admin.RequireEntraRole && request.Headers[PrincipalIdHeader].ToString() is { Length: > 0 } principal && TextRules.IsIdentifier(principal)
            ? principal
            : MasterKeyCaller;
    }
}
