using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Payouts.Storage.Configuration;

namespace Payouts.Functions.Hosting;

/// <summary>
/// What only a local run may have: the well-known secrets of <c>local.settings.sample.json</c> (all marked
/// <see cref="SampleMarker"/>) and relaxed webhook egress. Outside the Development environment the app refuses to
/// start with either, so a copied sample file can never become a production configuration.
/// </summary>
public sealed class StartupSafetyValidator(IHostEnvironment? environment = null) : IValidateOptions<PayoutsOptions>
{
    /// <summary>Every secret in the sample settings contains this; real secrets (from Key Vault) never do.</summary>
    public const string SampleMarker = "local-dev-only";

    private const string Samples = "local.settings.sample.json";

    public ValidateOptionsResult Validate(string? name, PayoutsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment?.IsDevelopment() == true)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var where = $"in the {environment?.EnvironmentName ?? "unknown"} environment (only Development allows it)";
        if (PayoutsOptionsValidator.TryBase64(options.SenderHashKey, out var key) && IsSample(Encoding.UTF8.GetString(key)))
        {
            failures.Add($"Payouts:SenderHashKey is the sample key of {Samples} {where}.");
        }

        if (PayoutsOptionsValidator.TryBase64(options.PayoutDetailsKey, out var detailsKey) && IsSample(Encoding.UTF8.GetString(detailsKey)))
        {
            failures.Add($"Payouts:PayoutDetailsKey is the sample key of {Samples} {where}: payout details would be encrypted with a published key.");
        }

        failures.AddRange(options.Partners.Where(p => p.Value.ActiveSecrets.Any(IsSample)).Select(p => $"Payouts:Partners:{p.Key} uses a sample secret {where}."));
        failures.AddRange(options.Webhooks.Where(w => w.Value.ActiveSecrets.Any(IsSample)).Select(w => $"Payouts:Webhooks:{w.Key} uses a sample secret {where}."));
        if (options.WebhookEgress.AllowHttp || options.WebhookEgress.AllowPrivateAddresses)
        {
            failures.Add($"Payouts:WebhookEgress allows http or private addresses {where}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSample(string secret) => secret.Contains(SampleMarker, StringComparison.OrdinalIgnoreCase);
}
