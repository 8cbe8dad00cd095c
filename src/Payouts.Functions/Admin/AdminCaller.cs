using Microsoft.AspNetCore.Http;
using Payouts.Domain.Records.Validation;

namespace Payouts.Functions.Admin;

/// <summary>Who made an admin call, for the audit columns: the Entra principal when App Service authentication is on, else the key.</summary>
internal static class AdminCaller
{
    /// <summary>Set by App Service authentication when it is on (clients cannot send it through); else only the key identifies the caller.</summary>
    private const string PrincipalIdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    private const string MasterKeyCaller = "master-key";

    public const int MaxReasonLength = 500;

    public static string Of(HttpRequest request) =>
        request.Headers[PrincipalIdHeader].ToString() is { Length: > 0 } principal && TextRules.IsIdentifier(principal) ? principal : MasterKeyCaller;
}
