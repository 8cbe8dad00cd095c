using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payouts.Domain.Records.Scope;
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

    [Fact]
    public void Validate_UnknownRecordType_FailsNamingItAndTheKnownOnes()
    {
        var result = Validate(new PartnerOptions { Secrets = [Secret], RecordTypes = ["gifts", "refunds"] });

        Assert.False(result.Succeeded);
        Assert.Contains("Payouts:Partners:tiklive:RecordTypes names 'refunds'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("gifts, deals, bonuses", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyRecordTypeName_Fails() =>
        Assert.False(Validate(new PartnerOptions { Secrets = [Secret], RecordTypes = [string.Empty] }).Succeeded);

    [Fact]
    public void Validate_KnownRecordTypesInAnyCase_Succeeds()
    {
        var partner = new PartnerOptions { Secrets = [Secret], RecordTypes = ["Gifts", "BONUSES"] };

        Assert.True(Validate(partner).Succeeded);
        Assert.Equal(PartnerRecordTypes.Gifts | PartnerRecordTypes.Bonuses, partner.ToScope().Types);
    }

    [Theory]
    [InlineData(nameof(PartnerOptions.Creators), "creator/1")]
    [InlineData(nameof(PartnerOptions.Agencies), "")]
    public void Validate_IdNoRecordCouldCarry_FailsNamingTheList(string list, string id)
    {
        var partner = new PartnerOptions { Secrets = [Secret] };
        (list == nameof(PartnerOptions.Creators) ? partner.Creators : partner.Agencies).Add(id);

        var result = Validate(partner);

        Assert.False(result.Succeeded);
        Assert.Contains($"Payouts:Partners:tiklive:{list}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToScope_SecretsOnly_IsUnrestricted() =>
        Assert.True(new PartnerOptions { Secrets = [Secret] }.ToScope().IsUnrestricted);

    [Fact]
    public void ToScope_UnknownNameBesideAKnownOne_AllowsOnlyTheKnownOne() =>
        Assert.Equal(PartnerRecordTypes.Deals, new PartnerOptions { RecordTypes = ["deals", "giftz"] }.ToScope().Types);

    [Fact]
    public void Bind_ScopeSettings_ReachTheScope()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Payouts:Partners:p1:Secrets:0"] = Secret,
            ["Payouts:Partners:p1:RecordTypes:0"] = "deals",
            ["Payouts:Partners:p1:AllowAgencyCommissionRate"] = "false",
            ["Payouts:Partners:p1:Creators:0"] = "c1",
            ["Payouts:Partners:p1:Agencies:0"] = "a1",
            ["Payouts:Partners:p2:Secrets:0"] = Secret,
        }).Value;

        var scoped = options.Partners["p1"].ToScope();
        Assert.Equal(PartnerRecordTypes.Deals, scoped.Types);
        Assert.False(scoped.MaySetAgencyCommissionRate);
        Assert.Equal(["c1"], scoped.Creators!);
        Assert.Equal(["a1"], scoped.Agencies!);
        Assert.True(options.Partners["p2"].ToScope().IsUnrestricted);
    }

    [Fact]
    public void Start_UnknownRecordType_IsRefusedByValidateOnStart()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Payouts:Partners:p1:Secrets:0"] = Secret,
            ["Payouts:Partners:p1:RecordTypes:0"] = "gift",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains("'gift'", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv;SecretName=payout-details-key)")]
    public void Bind_PayoutDetailsKeyMissingOrNotThirtyTwoBytes_FailsAtStartNamingIt(string key)
    {
        var options = Bind(new Dictionary<string, string?> { ["Payouts:PayoutDetailsKey"] = key });

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains("Payouts:PayoutDetailsKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_PayoutDetailsKeyOfThirtyTwoBytes_Succeeds() =>
        Assert.NotNull(Bind(new Dictionary<string, string?> { ["Payouts:PayoutDetailsKey"] = Convert.ToBase64String(new byte[32]) }).Value);

    [Fact]
    public void Validate_DebtorPartlyConfiguredOrInvalid_FailsForEachField()
    {
        var options = new PayoutsOptions { SenderHashKey = HashKey, PayoutDetailsKey = HashKey };
        options.Debtor = new PayoutDebtorOptions { Iban = "FR7630006000011234567890198", Bic = "BNPA" };

        var result = new PayoutsOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Payouts:Debtor:Name is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Payouts:Debtor:Iban fails the ISO 13616 check", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Payouts:Debtor:Bic must be 8 or 11 characters", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DebtorOutsideSepa_Fails()
    {
        var options = new PayoutsOptions { SenderHashKey = HashKey, PayoutDetailsKey = HashKey };
        options.Debtor = new PayoutDebtorOptions { Name = "Platform", Iban = "SA0380000000608010167519", Bic = "RIBLSARI" };

        Assert.Contains("outside SEPA", new PayoutsOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DebtorAllOrNothing_Succeeds()
    {
        var none = new PayoutsOptions { SenderHashKey = HashKey, PayoutDetailsKey = HashKey };
        var all = new PayoutsOptions { SenderHashKey = HashKey, PayoutDetailsKey = HashKey };
        all.Debtor = new PayoutDebtorOptions { Name = "Platform SAS", Iban = "FR14 2004 1010 0505 0001 3M02 606", Bic = "PSSTFRPP" };

        Assert.True(new PayoutsOptionsValidator().Validate(null, none).Succeeded);
        Assert.Null(none.Debtor.ToDebtor());
        Assert.True(new PayoutsOptionsValidator().Validate(null, all).Succeeded);
        Assert.Equal("FR1420041010050500013M02606", all.Debtor.ToDebtor()!.Iban.Electronic);
    }

    /// <summary>The app's own registration (the one ValidateOnStart runs at start) over in-memory settings.</summary>
    private static IOptions<PayoutsOptions> Bind(Dictionary<string, string?> settings)
    {
        settings["Payouts:SenderHashKey"] = HashKey;
        settings.TryAdd("Payouts:PayoutDetailsKey", HashKey);
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPayoutsStorage(configuration);
        return services.BuildServiceProvider().GetRequiredService<IOptions<PayoutsOptions>>();
    }

    private static ValidateOptionsResult Validate(PartnerOptions partner)
    {
        var options = new PayoutsOptions { SenderHashKey = HashKey };
        options.Partners["tiklive"] = partner;
        return new PayoutsOptionsValidator().Validate(null, options);
    }
}
