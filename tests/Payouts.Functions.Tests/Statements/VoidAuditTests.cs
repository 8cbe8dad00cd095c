using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Configuration;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// Who voided a record, when and why is recorded on the void and read back through
/// <c>GET /api/records/{kind}/{partnerId}/{recordId}</c>; the record's own row never changes. The caller is the Entra
/// principal only when admin routes require Entra ID: otherwise a principal header is anyone's to send and is ignored.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class VoidAuditTests(PayoutsAppFixture app) : VoidTestBase(app)
{
    private const string Principal = "0b6c2a9e-41f3-4d7a-9c1e-5f2d8a7b3c10";

    [Fact]
    public async Task Void_RecordsWhoWhenAndWhy_AndTheRecordRowIsUnchanged()
    {
        var creator = await CreatorAsync("vaudit", "2065-06-20T09:00:00Z");
        var deal = Payloads.RecordId(creator, "d");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("d", creator, "75.00").With("earnedAt", "2065-06-10T10:00:00Z")));
        var before = await RecordRowAsync(TableNames.Deals, creator, "2065-06", deal);
        var stored = (await RecordAuditAsync("deals", deal)).Body;
        Assert.Equal("stored", stored.GetProperty("state").GetString());
        Assert.False(stored.TryGetProperty("void", out _));

        // Entra ID is off in this app: a principal header is not evidence of anyone, the key is the caller.
        SetClock("2065-06-21T14:30:00Z");
        var voided = await VoidThroughAsync(Function<VoidRecordHttp>(), "deals", deal, "entered twice by the partner", r => r.Headers[AdminCaller.PrincipalIdHeader] = Principal);
        Assert.Equal("voided", voided.Body.GetProperty("result").GetString());

        var audit = await RecordAuditAsync("deals", deal);
        Assert.Equal(200, audit.Status);
        var body = audit.Body;
        Assert.Equal(
            ["kind", "partnerId", "recordId", "creatorId", "recordPeriod", "ingestedAt", "source", "fingerprint", "state", "void"],
            body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("deals", PayoutsAppFixture.Partner, deal, creator, "2065-06", "http"),
            (Text(body, "kind"), Text(body, "partnerId"), Text(body, "recordId"), Text(body, "creatorId"), Text(body, "recordPeriod"), Text(body, "source")));
        Assert.Equal(before!.GetString("Fingerprint"), Text(body, "fingerprint"));
        Assert.Equal("2065-06-20T09:00:00Z", Text(body, "ingestedAt"));
        Assert.Equal("voided", Text(body, "state"));
        var audited = body.GetProperty("void");
        Assert.Equal(("master-key", "2065-06-21T14:30:00Z", "entered twice by the partner"), (Text(audited, "voidedBy"), Text(audited, "voidedAt"), Text(audited, "reason")));
        Assert.False(audited.TryGetProperty("quantity", out _));

        var after = await RecordRowAsync(TableNames.Deals, creator, "2065-06", deal);
        Assert.Equal(before.ETag, after!.ETag);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        var voidRow = await RecordRowAsync(TableNames.Deals, creator, "2065-06", deal, voidRow: true);
        Assert.Equal(("master-key", "entered twice by the partner"), (voidRow!.GetString("VoidedBy"), voidRow.GetString("VoidReason")));

        // Voiding again changes nothing of the first void.
        Assert.Equal("alreadyVoided", (await VoidAsync("deals", deal, "another reason")).Body.GetProperty("result").GetString());
        Assert.Equal("entered twice by the partner", Text((await RecordAuditAsync("deals", deal)).Body.GetProperty("void"), "reason"));
    }

    [Fact]
    public async Task Void_WithEntraIdRequired_RecordsThePrincipal_AndAGiftsVoidItsQuantity()
    {
        var creator = await CreatorAsync("ventra", "2065-07-20T09:00:00Z");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 5, 4, "2065-07-10T20:00:00Z")));
        var before = await RecordRowAsync(TableNames.Gifts, creator, "2065-07", gift);
        var entra = new AdminCaller(new StaticOptionsMonitor<PayoutsOptions>(new PayoutsOptions { Admin = { RequireEntraRole = true } }));
        var function = new VoidRecordHttp(ActivatorUtilities.CreateInstance<CorrectionsHandler>(App.Services, entra));

        var voided = await VoidThroughAsync(function, "gifts", gift, "fraud", r => r.Headers[AdminCaller.PrincipalIdHeader] = Principal);

        Assert.Equal(200, voided.Status);
        var audit = (await RecordAuditAsync("gifts", gift)).Body;
        Assert.Equal(Principal, Text(audit.GetProperty("void"), "voidedBy"));
        Assert.Equal(4, audit.GetProperty("void").GetProperty("quantity").GetInt64());
        Assert.Equal(before!.ETag, (await RecordRowAsync(TableNames.Gifts, creator, "2065-07", gift))!.ETag);
        Assert.DoesNotContain("viewer-42", (await RecordAuditAsync("gifts", gift)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(before.GetString("SenderHash"), (await RecordAuditAsync("gifts", gift)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAudit_UnknownRecordIs404_BadAddressIs400()
    {
        Assert.Equal(404, (await RecordAuditAsync("deals", Payloads.Unique("nothing"))).Status);
        Assert.Equal(404, (await RecordAuditAsync("gifts", "some-record", partnerId: "nobody")).Status);
        var bad = await RecordAuditAsync("bonuses", "x|y");
        Assert.Equal(400, bad.Status);
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("kind", out _));
        Assert.True(bad.Body.GetProperty("errors").TryGetProperty("recordId", out _));
    }

    private static string? Text(System.Text.Json.JsonElement element, string name) => element.GetProperty(name).GetString();
}
