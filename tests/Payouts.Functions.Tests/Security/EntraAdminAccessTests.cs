using System.Text;
using System.Text.Json.Nodes;
using Payouts.Functions.Admin;

namespace Payouts.Functions.Tests.Security;

/// <summary>What App Service authentication hands the app, and which routes need an operator.</summary>
public sealed class EntraAdminAccessTests
{
    [Fact]
    public void Principal_WithTheRolesClaim_HoldsTheRole()
    {
        var principal = EntraPrincipal.Parse(Header(("roles", "Payouts.Operator"), ("name", "ops@example.com")));

        Assert.NotNull(principal);
        Assert.True(principal.HasRole("Payouts.Operator"));
    }

    [Fact]
    public void Principal_WithTheRoleUnderItsDeclaredRoleType_HoldsTheRole()
    {
        var principal = EntraPrincipal.Parse(Header(roleType: "custom-role", claims: ("custom-role", "Payouts.Operator")));

        Assert.True(principal!.HasRole("Payouts.Operator"));
    }

    [Fact]
    public void Principal_WithTheRoleNameInAnotherClaim_DoesNotHoldTheRole()
    {
        var principal = EntraPrincipal.Parse(Header(("name", "Payouts.Operator"), ("roles", "Payouts.Reader")));

        Assert.False(principal!.HasRole("Payouts.Operator"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("bm90IGpzb24=")]
    public void Principal_ThatDoesNotDecode_IsNone(string header) => Assert.Null(EntraPrincipal.Parse(header));

    [Theory]
    [InlineData(typeof(ClosePeriodHttp), true)]
    [InlineData(typeof(VoidRecordHttp), true)]
    [InlineData(typeof(ListOutboxHttp), true)]
    [InlineData(typeof(Payouts.Functions.Ingestion.IngestGiftsHttp), false)]
    [InlineData(typeof(Payouts.Functions.Health.HealthHttp), false)]
    public void AdminRoute_IsTheOneWhoseTriggerIsAdminLevel(Type function, bool admin) =>
        Assert.Equal(admin, AdminAccessMiddleware.IsAdminRoute($"{function.FullName}.Run"));

    [Fact]
    public void AdminRoute_UnknownEntryPoint_IsNotTreatedAsAnAdminRoute() =>
        Assert.False(AdminAccessMiddleware.IsAdminRoute("Payouts.Functions.Nothing.Run"));

    private static string Header(params (string Type, string Value)[] claims) => Header(null, claims);

    private static string Header(string? roleType, params (string Type, string Value)[] claims)
    {
        var json = new JsonObject
        {
            ["auth_typ"] = "aad",
            ["claims"] = new JsonArray(claims.Select(c => (JsonNode)new JsonObject { ["typ"] = c.Type, ["val"] = c.Value }).ToArray()),
            ["name_typ"] = "name",
        };
        if (roleType is not null)
        {
            json["role_typ"] = roleType;
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }
}
