using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Payouts.DevHost.Http;

/// <summary>
/// The host's keys: a function key for <see cref="AuthorizationLevel.Function"/> routes and the master (admin) key,
/// which also opens <see cref="AuthorizationLevel.Admin"/> and <see cref="AuthorizationLevel.System"/> routes. Sent as
/// <c>x-functions-key</c> or <c>?code=</c>, as to the Functions host. Settings <c>DevHost:FunctionKey</c> and
/// <c>DevHost:MasterKey</c>; development defaults otherwise (printed at start).
/// </summary>
public sealed class FunctionKeys
{
    public const string FunctionKeySetting = "DevHost:FunctionKey";
    public const string MasterKeySetting = "DevHost:MasterKey";
    public const string DefaultFunctionKey = "devhost-function-key";
    public const string DefaultMasterKey = "devhost-master-key";
    public const string HeaderName = "x-functions-key";

    public FunctionKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        FunctionKey = configuration[FunctionKeySetting] is { Length: > 0 } function ? function : DefaultFunctionKey;
        MasterKey = configuration[MasterKeySetting] is { Length: > 0 } master ? master : DefaultMasterKey;
    }

    public string FunctionKey { get; }

    public string MasterKey { get; }

    public bool Authorizes(AuthorizationLevel level, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (level == AuthorizationLevel.Anonymous)
        {
            return true;
        }

        var presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return Same(presented, MasterKey) || (level <= AuthorizationLevel.Function && Same(presented, FunctionKey));
    }

    private static bool Same(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));
}
