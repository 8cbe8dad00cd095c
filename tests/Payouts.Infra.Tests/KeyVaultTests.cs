using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>infra/modules/keyvault.bicep: RBAC only, recoverable, no secret values in the template.</summary>
[Collection(InfraCollection.Name)]
public sealed class KeyVaultTests(RenderedInfra infra)
{
    [Fact]
    public void Vault_UsesRbacAuthorizationWithoutAccessPolicies()
    {
        var properties = infra.KeyVault["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.Null(properties["accessPolicies"]);
    }

    [Fact]
    public void Vault_HasSoftDeleteAndPurgeProtectionParameter()
    {
        var properties = infra.KeyVault["properties"]!;

        Assert.True((bool)properties["enableSoftDelete"]!);
        Assert.Equal("[if(parameters('enablePurgeProtection'), true(), null())]", (string?)properties["enablePurgeProtection"]);
        Assert.Equal("[parameters('keyVaultEnablePurgeProtection')]", infra.MainParameter("keyvault", "enablePurgeProtection"));
        Assert.True((bool)infra.Main.Parameters["keyVaultEnablePurgeProtection"]!["defaultValue"]!);
    }

    [Fact]
    public void Template_CreatesNoSecrets()
    {
        var secrets = infra.Main.SelfAndNested().SelectMany(t => t.ResourcesOfType("Microsoft.KeyVault/vaults/secrets"));

        Assert.Empty(secrets);
    }

    [Fact]
    public void FunctionApp_ReferencesTheDeployedVault()
    {
        Assert.Equal("[module('keyvault').outputs.name.value]", infra.MainParameter("functionapp", "keyVaultName"));
    }
}
