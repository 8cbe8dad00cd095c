using System.Text.Json.Nodes;
using Payouts.Infra.Tests.Infrastructure;
using Payouts.Storage.Configuration;

namespace Payouts.Infra.Tests;

/// <summary>The Function App's settings: identity-based storage, Entra-authenticated telemetry, secrets only from Key Vault.</summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(RenderedInfra infra)
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(VaultName={0};SecretName=";

    public static TheoryData<string> StorageConnections => new() { "AzureWebJobsStorage", "PayoutsStorage" };

    [Theory]
    [MemberData(nameof(StorageConnections))]
    public void StorageConnection_IsIdentityBased(string connection)
    {
        var settings = infra.StaticSettings;

        Assert.False(settings.ContainsKey(connection), $"{connection} must not be a connection string.");
        Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings[$"{connection}__clientId"]);
        Assert.Equal("[parameters('storageBlobEndpoint')]", settings[$"{connection}__blobServiceUri"]);
        Assert.Equal("[parameters('storageQueueEndpoint')]", settings[$"{connection}__queueServiceUri"]);
        Assert.Equal("[parameters('storageTableEndpoint')]", settings[$"{connection}__tableServiceUri"]);
    }

    [Fact]
    public void AppStorageConnection_NamesAnIdentityBasedConnection()
    {
        var name = infra.StaticSettings[$"{PayoutsOptions.Section}__{nameof(PayoutsOptions.StorageConnection)}"];

        Assert.Equal("managedidentity", infra.StaticSettings[$"{name}__credential"]);
    }

    [Fact]
    public void StorageEndpoints_ComeFromTheStorageAccount()
    {
        Assert.Equal("[module('storage').outputs.blobEndpoint.value]", infra.MainParameter("functionapp", "storageBlobEndpoint"));
        Assert.Equal("[module('storage').outputs.queueEndpoint.value]", infra.MainParameter("functionapp", "storageQueueEndpoint"));
        Assert.Equal("[module('storage').outputs.tableEndpoint.value]", infra.MainParameter("functionapp", "storageTableEndpoint"));
    }

    [Theory]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessSignature")]
    [InlineData("listKeys(")]
    [InlineData("listAccountSas(")]
    [InlineData("listServiceSas(")]
    [InlineData("InstrumentationKey=")]
    [InlineData("APPINSIGHTS_INSTRUMENTATIONKEY")]
    [InlineData("UseDevelopmentStorage")]
    public void Template_HoldsNoKeyBasedConnection(string fragment)
    {
        var offending = infra.Main.AllStrings().Where(s => s.Contains(fragment, StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Telemetry_AuthenticatesWithTheIdentity()
    {
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", infra.StaticSettings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", infra.StaticSettings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal(
            "[module('monitoring').outputs.applicationInsightsConnectionString.value]",
            infra.MainParameter("functionapp", "applicationInsightsConnectionString"));
    }

    [Theory]
    [InlineData(nameof(PayoutsOptions.SenderHashKey), "sender-hash-key")]
    [InlineData(nameof(PayoutsOptions.PayoutDetailsKey), "payout-details-key")]
    public void Keys_AreKeyVaultReferences(string setting, string secretName)
    {
        var value = infra.StaticSettings[$"{PayoutsOptions.Section}__{setting}"];

        Assert.StartsWith($"[format('{KeyVaultReference}{secretName})'", value, StringComparison.Ordinal);
        Assert.Contains("parameters('keyVaultName')", value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(PayoutDebtorOptions.Name), "payoutDebtorName")]
    [InlineData(nameof(PayoutDebtorOptions.Iban), "payoutDebtorIban")]
    [InlineData(nameof(PayoutDebtorOptions.Bic), "payoutDebtorBic")]
    public void PayoutDebtor_IsAPlainParameterSetting(string field, string parameter)
    {
        var plain = infra.Main.ModuleParameter("functionapp", "appSettings")!.AsObject();

        Assert.Equal($"[parameters('{parameter}')]", plain[$"{PayoutsOptions.Section}__{nameof(PayoutsOptions.Debtor)}__{field}"]!.ToString());
    }

    [Fact]
    public void SecretLookingStaticSettings_AreAllKeyVaultReferences()
    {
        var secrets = infra.StaticSettings.Where(s => IsSecretName(s.Key)).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.StartsWith($"[format('{KeyVaultReference}", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void PartnerScopeSettings_KeepOnlyNonSecretPartnerSettingsAndOverrideNothing()
    {
        var config = infra.FunctionApp.ResourcesOfType("Microsoft.Web/sites/config").Single(c => ((string?)c["name"])!.Contains("'appsettings'", StringComparison.Ordinal));
        var scope = Assert.Single(infra.DynamicSettings, d => d.Contains("parameters('partnerScopeSettings')", StringComparison.Ordinal));

        Assert.Equal("[parameters('partnerScopeSettings')]", infra.MainParameter("functionapp", "partnerScopeSettings"));
        Assert.Contains($"startsWith(lambdaVariables('s').key, '{PayoutsOptions.Section}__{nameof(PayoutsOptions.Partners)}__')", scope, StringComparison.Ordinal);
        Assert.Contains($"not(contains(lambdaVariables('s').key, '__{nameof(PartnerOptions.Secrets)}__'))", scope, StringComparison.Ordinal);
        Assert.StartsWith("[union(variables('scopeSettings'), ", (string?)config["properties"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(PayoutsOptions.Partners), "partner", 0)]
    [InlineData(nameof(PayoutsOptions.Partners), "partner", 1)]
    [InlineData(nameof(PayoutsOptions.Webhooks), "webhook", 0)]
    [InlineData(nameof(PayoutsOptions.Webhooks), "webhook", 1)]
    public void PerIdSecrets_AreKeyVaultReferences(string section, string secretPrefix, int slot)
    {
        var name = $"'{PayoutsOptions.Section}__{section}__{{0}}__{nameof(PartnerOptions.Secrets)}__{slot}'";
        var value = $"'{KeyVaultReference}{secretPrefix}-{{1}}-secret-{slot})'";

        var builder = Assert.Single(infra.DynamicSettings, d => d.Contains(name, StringComparison.Ordinal));

        Assert.Contains($"format({name}, lambdaVariables('id')), format({value}, parameters('keyVaultName'), lambdaVariables('id'))", builder, StringComparison.Ordinal);
    }

    [Fact]
    public void DynamicSettings_SetNothingButKeyVaultReferences()
    {
        // Partner scopes are the one plain per-id part: operator values, never secrets (checked on their own above).
        var secretBuilders = infra.DynamicSettings.Where(d => !d.Contains("parameters('partnerScopeSettings')", StringComparison.Ordinal)).ToList();
        Assert.Equal(infra.DynamicSettings.Count - 1, secretBuilders.Count);
        Assert.NotEmpty(secretBuilders);
        Assert.All(secretBuilders, d =>
        {
            // Every value built in the expression is a format() of a Key Vault reference.
            var values = d.Split("format('", StringSplitOptions.None).Skip(1).Where(f => !f.StartsWith(PayoutsOptions.Section, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.StartsWith(KeyVaultReference, v, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void PlainSettings_HoldNoSecretAndCoverThePeriodCalendar()
    {
        var plain = infra.Main.ModuleParameter("functionapp", "appSettings")!.AsObject();

        Assert.DoesNotContain(plain, p => IsSecretName(p.Key));
        Assert.Equal("[parameters('periodKind')]", plain["Payouts__Periods__Kind"]!.ToString());
        Assert.Equal("[parameters('periodTimeZone')]", plain["Payouts__Periods__TimeZone"]!.ToString());
        Assert.Equal("[parameters('periodGrace')]", plain["Payouts__Periods__Grace"]!.ToString());
        Assert.Equal("[parameters('closeSchedule')]", plain["Payouts__CloseSchedule"]!.ToString());
        Assert.Equal("[parameters('webhookSchedule')]", plain["Payouts__WebhookSchedule"]!.ToString());
    }

    [Fact]
    public void PlainSettings_SetThePartnerRateLimitFromParameters()
    {
        var plain = infra.Main.ModuleParameter("functionapp", "appSettings")!.AsObject();

        Assert.Equal("[parameters('ingestRateLimitPerSecond')]", plain["Payouts__IngestRateLimit__RequestsPerSecond"]!.ToString());
        Assert.Contains("ingestRateLimitBurst", plain["Payouts__IngestRateLimit__Burst"]!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(plain, p => p.Key.StartsWith("Payouts__WebhookEgress", StringComparison.Ordinal));
    }

    /// <summary>Every setting the local sample configures is set in Azure too, or deliberately not (with the reason).</summary>
    [Fact]
    public void LocalSampleSettings_AreAllProvidedInAzure()
    {
        var notInAzure = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption takes the runtime from functionAppConfig.runtime",
            ["AzureWebJobsStorage"] = "identity-based AzureWebJobsStorage__* settings instead of a connection string",
            ["Payouts__WebhookEgress__AllowHttp"] = "a local relaxation: off by default, and the app refuses to start with it outside Development",
            ["Payouts__WebhookEgress__AllowPrivateAddresses"] = "a local relaxation: off by default, and the app refuses to start with it outside Development",
        };
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "local.settings.sample.json")))!["Values"]!.AsObject();

        var missing = sample
            .Select(s => s.Key)
            .Where(key => !notInAzure.ContainsKey(key))
            .Where(key => !infra.StaticSettings.ContainsKey(key))
            .Where(key => !infra.DynamicSettings.Any(d => d.Contains($"'{PerIdPattern(key)}'", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(missing);
    }

    private static bool IsSecretName(string name) =>
        name.Contains("Secret", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Password", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>Payouts__Partners__demo-partner__Secrets__0</c> → <c>Payouts__Partners__{0}__Secrets__0</c>.</summary>
    private static string PerIdPattern(string key)
    {
        var parts = key.Split("__");
        return parts.Length == 5 && parts[1] is nameof(PayoutsOptions.Partners) or nameof(PayoutsOptions.Webhooks)
            ? string.Join("__", parts[0], parts[1], "{0}", parts[3], parts[4])
            : key;
    }
}
