using System.Text.Json.Nodes;
using Payouts.Infra.Tests.Infrastructure;

namespace Payouts.Infra.Tests;

/// <summary>
/// Entra ID for admin routes: with an app registration, App Service authentication validates tokens (never refusing
/// anonymous callers: partners and the health probe send none) and the app requires the operator role.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class AdminAuthenticationTests(RenderedInfra infra)
{
    private const string RequireEntraRole = "Payouts__Admin__RequireEntraRole";

    [Fact]
    public void AuthSettings_AreDeployedOnlyWithAClientId()
    {
        Assert.Equal("[not(empty(parameters('adminAuthClientId')))]", (string?)infra.AuthSettings["condition"]);
        Assert.Equal("[parameters('adminAuthClientId')]", infra.MainParameter("functionapp", "adminAuthClientId"));
    }

    [Fact]
    public void AuthSettings_ValidateTokensWithoutRefusingAnonymousCallers()
    {
        var properties = infra.AuthSettings["properties"]!;

        Assert.True((bool)properties["platform"]!["enabled"]!);
        Assert.False((bool)properties["globalValidation"]!["requireAuthentication"]!);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
    }

    [Fact]
    public void AuthSettings_UseEntraIdWithTheRegistrationAsAudience()
    {
        var entra = infra.AuthSettings["properties"]!["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True((bool)entra["enabled"]!);
        Assert.Equal("[parameters('adminAuthClientId')]", (string?)entra["registration"]!["clientId"]);
        Assert.Equal(
            ["[format('api://{0}', parameters('adminAuthClientId'))]", "[parameters('adminAuthClientId')]"],
            entra["validation"]!["allowedAudiences"]!.AsArray().Select(a => (string?)a));
    }

    [Fact]
    public void AuthSettings_TrustTheConfiguredTenant()
    {
        var issuer = (string?)infra.AuthSettings["properties"]!["identityProviders"]!["azureActiveDirectory"]!["registration"]!["openIdIssuer"];

        Assert.Equal("[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('adminAuthTenantId'))]", issuer);
        Assert.Equal("[parameters('adminAuthTenantId')]", infra.MainParameter("functionapp", "adminAuthTenantId"));
    }

    [Fact]
    public void AdminAuth_IsOffByDefaultAndInTheDeploymentTenant()
    {
        Assert.Equal(string.Empty, (string?)infra.Main.Parameters["adminAuthClientId"]!["defaultValue"]);
        Assert.Equal("[tenant().tenantId]", (string?)infra.Main.Parameters["adminAuthTenantId"]!["defaultValue"]);
    }

    [Fact]
    public void RequireEntraRoleSetting_IsTrueExactlyWhenAClientIdIsGiven()
    {
        Assert.Equal("[if(empty(parameters('adminAuthClientId')), 'false', 'true')]", infra.StaticSettings[RequireEntraRole]);
    }

    [Fact]
    public void Output_SaysWhenAdminRoutesRelyOnTheMasterKeyAlone()
    {
        var value = (string?)infra.Main.Outputs["PAYOUTS_ADMIN_AUTHENTICATION"]!["value"];

        Assert.StartsWith("[if(empty(parameters('adminAuthClientId')), 'master key only", value, StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersFile_TakesTheClientIdFromAzd()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra/main.parameters.json")))!["parameters"]!;

        Assert.Equal("${PAYOUTS_ADMIN_AUTH_CLIENT_ID=}", (string?)file["adminAuthClientId"]!["value"]);
    }
}
