using Payouts.DevHost.Discovery;
using Payouts.DevHost.Http;

namespace Payouts.DevHost.Hosting;

/// <summary>
/// What <c>serve</c> prints at start, for the developer at the console: address, storage, the keys of this run, the
/// Host names served and every function. Written to the console, not logged: the keys are for the person who started it.
/// </summary>
public static class StartupBanner
{
    public static void Write(TextWriter output, DevHostApp app, DevHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        output.WriteLine($"Payouts DevHost on {app.BaseAddress} (storage: {(app.AzuriteConnectionString is null ? "configured account" : "Azurite, " + (options.DataDirectory ?? "in memory"))}; settings: {options.SettingsFile ?? "sample defaults + environment"})");
        output.WriteLine($"  function key: {app.Keys.FunctionKey}   master/admin key: {app.Keys.MasterKey}   (header {FunctionKeys.HeaderName} or ?code=)");
        if (app.Keys.FunctionKeyIsRandom || app.Keys.MasterKeyIsRandom)
        {
            output.WriteLine("  (random keys for this run; set DevHost__FunctionKey and DevHost__MasterKey to choose them)");
        }

        output.WriteLine($"  Host names served: {string.Join(", ", LoopbackHosts.Allowed(app.Configuration))} (more with {LoopbackHosts.AllowedHostsSetting.Replace(":", "__", StringComparison.Ordinal)}=a;b)");
        foreach (var function in app.Catalog.Functions)
        {
            var line = function.Trigger switch
            {
                TriggerKind.HttpTrigger => $"{string.Join(",", function.HttpMethods).ToUpperInvariant(),-6} {app.BaseAddress}{HttpFunctionEndpoints.PatternOf(app.Triggers.HostRoutePrefix, function.Route!).TrimStart('/')}  [{function.AuthLevel}]",
                TriggerKind.QueueTrigger => $"queue  {SettingResolver.Resolve(function.QueueName!, app.Configuration)}",
                _ => $"timer  {SettingResolver.Resolve(function.Schedule!, app.Configuration)} (UTC)",
            };
            var disabled = SettingResolver.IsDisabled(app.Configuration, function.Name) ? "  (disabled)" : string.Empty;
            output.WriteLine($"  {function.Name,-28} {line}{disabled}");
        }

        output.WriteLine("Ctrl+C stops the host" + (app.AzuriteConnectionString is null ? "." : " and Azurite."));
    }
}
