using System.Buffers.Text;
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
/// <c>DevHost:MasterKey</c>; when one is not set, a random key for this run (printed at start).
/// </summary>
public sealed class FunctionKeys
{
    public const string FunctionKeySetting = "DevHost:FunctionKey";
    public const string MasterKeySetting = "DevHost:MasterKey";
    public const string HeaderName = "x-functions-key";

    public FunctionKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var function = configuration[FunctionKeySetting];
        var master = configuration[MasterKeySetting];
        FunctionKeyIsRandom = string.IsNullOrEmpty(function);
        MasterKeyIsRandom = string.IsNullOrEmpty(master);
        FunctionKey = FunctionKeyIsRandom ? NewKey() : function!;
        MasterKey = MasterKeyIsRandom ? NewKey() : master!;
    }

    public string FunctionKey { get; }

    public string MasterKey { get; }

    /// <summary>Not configured: made up for this run, so only who sees the console (or sets it) can call.</summary>
    public bool FunctionKeyIsRandom { get; }

    public bool MasterKeyIsRandom { get; }

    /// <summary>32 random bytes as base64url: unguessable, and safe as it is in a header, a query string and a shell.</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

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
