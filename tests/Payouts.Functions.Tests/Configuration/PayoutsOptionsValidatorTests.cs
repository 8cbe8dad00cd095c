using Payouts.Storage.Configuration;

namespace Payouts.Functions.Tests.Configuration;

public sealed class PayoutsOptionsValidatorTests
{
    private const string Secret = "a-partner-secret-of-enough-length-000";
    private static readonly string HashKey = Convert.ToBase64String(new byte[32]);

    [Fact]
    public void Validate_OneSecretAndAnEmptySecondSlot_Succeeds()
    {
        var result = Validate(new PartnerOptions { Secrets = [Secret, string.Empty] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_OnlyAnUnresolvedKeyVaultReference_FailsAndIsNeverASecret()
    {
        var partner = new PartnerOptions { Secrets = ["@Microsoft.KeyVault(VaultName=kv;SecretName=partner-tiklive-secret-0)"] };

        var result = Validate(partner);

        Assert.False(result.Succeeded);
        Assert.Contains("unresolved Key Vault reference", result.FailureMessage, StringComparison.Ordinal);
        Assert.Empty(partner.ActiveSecrets);
    }

    [Fact]
    public void Validate_ResolvedSecretBesideAnUnresolvedOne_UsesOnlyTheResolved()
    {
        var partner = new PartnerOptions { Secrets = [Secret, "@Microsoft.KeyVault(VaultName=kv;SecretName=partner-tiklive-secret-1)"] };

        Assert.True(Validate(partner).Succeeded);
        Assert.Equal([Secret], partner.ActiveSecrets);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    public void Validate_NoUsableSecret_Fails(string secret) =>
        Assert.False(Validate(new PartnerOptions { Secrets = [secret] }).Succeeded);

    [Fact]
    public void Validate_WebhookTargetsAreCheckedLikePartners()
    {
        var options = new PayoutsOptions { SenderHashKey = HashKey };
        options.Webhooks["nova"] = new WebhookTargetOptions { Secrets = ["too-short"] };

        var result = new PayoutsOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Webhook target 'nova'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnresolvedSenderHashKey_Fails()
    {
        var options = new PayoutsOptions { SenderHashKey = "@Microsoft.KeyVault(VaultName=kv;SecretName=sender-hash-key)" };

        Assert.False(new PayoutsOptionsValidator().Validate(null, options).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(PartnerOptions partner)
    {
        var options = new PayoutsOptions { SenderHashKey = HashKey };
        options.Partners["tiklive"] = partner;
        return new PayoutsOptionsValidator().Validate(null, options);
    }
}
