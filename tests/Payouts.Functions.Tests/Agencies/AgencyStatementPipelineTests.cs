using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Signing;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Agencies;

/// <summary>
/// Agency statements through the real function classes on Azurite: built by the close timer once the period's creator
/// statements are settled, listing paid, carried-forward and blocked creators as such, reconciling to the cent with
/// the creator statements' commission lines (summed here from the creator statements' own JSON), re-versioned when a
/// blocked creator is rebuilt or a creator statement is reissued (the old version superseded and unchanged), announced
/// once per version, and never duplicated by a second timer at once. Its own year, 2043, from March (January is the
/// crash tests'); agencies of its own.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class AgencyStatementPipelineTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task AgencyStatement_PaidCarriedForwardAndBlockedCreators_ListedAsSuch_ReconcilesToTheCent_AndAVersionPerChange()
    {
        var agency = Payloads.Unique("agy");
        var (paid, ownRate, blocked, carried) = (Payloads.Unique("agya"), Payloads.Unique("agyb"), Payloads.Unique("agyc"), Payloads.Unique("agyd"));
        SetClock("2043-04-05T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null, agency);
        await PutCreatorAsync(paid, agencyId: agency, minimumPayout: "0.00");
        await PutCreatorAsync(ownRate, agencyId: agency, minimumPayout: "0.00");
        await PutCreatorAsync(blocked, agencyId: agency, minimumPayout: "0.00");
        await PutCreatorAsync(carried, agencyId: agency, minimumPayout: "1000.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", paid, 10_000, 3, "2043-03-10T20:00:00+01:00")));
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("d", paid, "500.00").With("earnedAt", "2043-03-12T10:00:00Z"),
            Payloads.Deal("own", ownRate, "250.05").With("earnedAt", "2043-03-13T10:00:00Z").With("agencyCommissionRate", "0.12"),
            Payloads.Deal("bonus", ownRate, "100.00", type: "eventBonus").With("earnedAt", "2043-03-14T10:00:00Z"),
            Payloads.Deal("small", carried, "20.00").With("earnedAt", "2043-03-15T10:00:00Z"),
            Payloads.Deal("chf", blocked, "80.00", "CHF").With("earnedAt", "2043-03-16T10:00:00Z")));
        Assert.Equal(200, (await ClosePeriodAsync("2043-03")).Status);
        await DrainStatementJobsAsync();

        // Two timers at once, then one more: one version.
        await Task.WhenAll(RunCloseTimerAsync(), RunCloseTimerAsync());
        await RunCloseTimerAsync();

        var v1Entry = Assert.Single(await AgencyListAsync(agency));
        Assert.Equal(($"agency~{agency}~2043-03~v1", 1, "Issued"), (v1Entry.GetProperty("agencyStatementId").GetString(), v1Entry.GetProperty("version").GetInt32(), v1Entry.GetProperty("status").GetString()));
        var v1Response = await GetAgencyStatementAsync($"agency~{agency}~2043-03~v1");
        var v1 = v1Response.Body;
        Assert.Equal(new[] { carried, ownRate, paid }.Order(StringComparer.Ordinal), CreatorsOf(v1).Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { [blocked] = "blocked", [carried] = "carriedForward" }, UnpaidOf(v1));
        Assert.Equal(["missing-fx"], v1.GetProperty("notPaidThisPeriod").EnumerateArray().Single(u => u.GetProperty("creatorId").GetString() == blocked)
            .GetProperty("blockCodes").EnumerateArray().Select(c => c.GetString()));

        // The deal's own 12 %: round(30.006) = 30.01; the bonus 10 % of 100.00; the carried-forward creator's 15 % of 20.00.
        Assert.Equal(("30.01", "10.00"), (Commission(v1, ownRate, "deals"), Commission(v1, ownRate, "bonuses")));
        Assert.Equal("3.00", Commission(v1, carried, "total"));
        await AssertReconcilesAsync(v1, "2043-03", paid, ownRate, carried);
        var csv = await GetAgencyStatementAsync($"agency~{agency}~2043-03~v1", "text/csv");
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.Contains($"\r\nnotPaidThisPeriod,{blocked},Blocked,,missing-fx\r\n", csv.Text, StringComparison.Ordinal);
        Assert.Contains($"\r\n{paid},Issued,{paid}~2043-03~v1,EUR,", csv.Text, StringComparison.Ordinal);
        var html = await GetAgencyStatementAsync($"agency~{agency}~2043-03~v1", "text/html");
        Assert.StartsWith("text/html", html.ContentType, StringComparison.Ordinal);
        Assert.Contains("Creators not paid this period", html.Text, StringComparison.Ordinal);

        // The missing CHF→EUR rate is published (nobody else pays in CHF); closing March again rebuilds the blocked
        // statement, and the agency's gets version 2.
        await PutRateAsync("fx", "CHF/EUR", "1.05", "fx-chf-eur-2043-03", "2043-03-01");
        var reclose = (await ClosePeriodAsync("2043-03")).Body;
        Assert.Equal((1, 0), (reclose.GetProperty("creators").GetInt32(), reclose.GetProperty("agencyStatementsReissued").GetInt32()));
        await DrainStatementJobsAsync();
        await RunCloseTimerAsync();

        var versions = await AgencyListAsync(agency);
        Assert.Equal([("Superseded", 1), ("Issued", 2)], versions.Select(v => (v.GetProperty("status").GetString(), v.GetProperty("version").GetInt32())));
        Assert.Equal(1, versions[1].GetProperty("supersedes").GetInt32());
        Assert.Equal(v1Response.Text, (await GetAgencyStatementAsync($"agency~{agency}~2043-03~v1")).Text);
        var v2 = (await GetAgencyStatementAsync($"agency~{agency}~2043-03~v2")).Body;
        Assert.Equal(new[] { blocked, carried, ownRate, paid }.Order(StringComparer.Ordinal), CreatorsOf(v2).Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { [carried] = "carriedForward" }, UnpaidOf(v2));
        var change = Assert.Single(v2.GetProperty("changes").EnumerateArray());
        Assert.Equal((blocked, $"{blocked}@blocked"), (change.GetProperty("creatorId").GetString(), change.GetProperty("before").GetString()));
        await AssertReconcilesAsync(v2, "2043-03", paid, ownRate, carried, blocked);

        // A March deal arriving in April counts in April: there, its commission is a prior-period adjustment.
        SetClock("2043-04-20T12:00:00Z");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Deal("late", paid, "40.00").With("earnedAt", "2043-03-20T10:00:00Z")));
        SetClock("2043-05-05T12:00:00Z");
        await ClosePeriodAsync("2043-04");
        await DrainStatementJobsAsync();
        await RunCloseTimerAsync();

        var april = (await GetAgencyStatementAsync($"agency~{agency}~2043-04~v1")).Body;
        Assert.Equal(("0.00", "6.00", "6.00"), (Commission(april, paid, "deals"), Commission(april, paid, "priorPeriodAdjustments"), Commission(april, paid, "total")));
        await AssertReconcilesAsync(april, "2043-04", paid, carried);
    }

    [Fact]
    public async Task Reissue_OfACreatorStatement_GivesTheAgencyVersion2_Version1SupersededAndUnchanged_EachVersionAnnouncedOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        const string agency = PayoutsAppFixture.StatementAgency;
        var (uk, fr) = (Payloads.Unique("agyuk"), Payloads.Unique("agyfr"));
        SetClock("2043-07-05T12:00:00Z");
        await PutWorldRatesAsync();
        await PutRateAsync("fx", "GBP/EUR", "1.15", "fx-gbp-eur-2043-06", "2043-06-01");
        await PutAgencyAsync(receiver.Url, agency);
        await PutCreatorAsync(uk, agencyId: agency, minimumPayout: "0.00");
        await PutCreatorAsync(fr, agencyId: agency, minimumPayout: "0.00");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("d", uk, "1000.00", "GBP").With("earnedAt", "2043-06-10T10:00:00Z"),
            Payloads.Deal("d", fr, "300.00").With("earnedAt", "2043-06-11T10:00:00Z")));
        await ClosePeriodAsync("2043-06");
        await DrainStatementJobsAsync();
        await RunCloseTimerAsync();

        var v1Id = $"agency~{agency}~2043-06~v1";
        var v1Text = (await GetAgencyStatementAsync(v1Id)).Text;
        var v1Row = await AgencyHeaderRowAsync(agency, "2043-06|v001");
        var v1 = Payloads.Parse(v1Text);
        await AssertReconcilesAsync(v1, "2043-06", uk, fr);
        Assert.Equal("217.50", Total(v1)); // 15 % of 1,150.00 and of 300.00

        // GBP→EUR was 1.10 from the 15th: forced with a reason, then the creator's statement is reissued.
        await PutRateForcedAsync("fx", "GBP/EUR", "1.10", "fx-gbp-eur-2043-06-fix", "2043-06-15", "published 1.15 by mistake");
        var reissue = await PostAdminAsync<ReissueStatementHttp>(new JsonObject { ["reason"] = "GBP→EUR corrected" }.ToJsonString(), (f, r) => f.Run(r, $"{uk}~2043-06~v1", CancellationToken.None));
        Assert.Equal(200, reissue.Status);

        var versions = await AgencyListAsync(agency);
        Assert.Equal(["Superseded", "Issued"], versions.Where(v => v.GetProperty("period").GetString() == "2043-06").Select(v => v.GetProperty("status").GetString()));
        var v2 = (await GetAgencyStatementAsync($"agency~{agency}~2043-06~v2")).Body;
        Assert.Equal(1, v2.GetProperty("supersedes").GetInt32());
        Assert.Equal($"{uk}~2043-06~v2", v2.GetProperty("creators").EnumerateArray().Single(c => c.GetProperty("creatorId").GetString() == uk).GetProperty("statementId").GetString());
        var moved = Assert.Single(v2.GetProperty("totalChanges").EnumerateArray());
        Assert.Equal(("217.50", "210.00", "-7.50"), (moved.GetProperty("before").GetString(), moved.GetProperty("after").GetString(), moved.GetProperty("difference").GetString()));
        await AssertReconcilesAsync(v2, "2043-06", uk, fr);

        // Version 1 is superseded beside its header: header row and documents as they were.
        Assert.Equal(v1Row.ETag, (await AgencyHeaderRowAsync(agency, "2043-06|v001")).ETag);
        Assert.Equal(v1Text, (await GetAgencyStatementAsync(v1Id)).Text);

        // Each version announced once, signed, with its own delivery id, however often the dispatcher runs.
        await RunWebhookTimerAsync();
        App.Time.Advance(TimeSpan.FromHours(1));
        await RunWebhookTimerAsync();
        var announced = receiver.Requests.Where(r => r.Event == "agencyStatement.issued").ToList();
        Assert.Equal([v1Id, $"agency~{agency}~2043-06~v2"], announced.Select(r => Payloads.Parse(r.Body).GetProperty("agencyStatementId").GetString()));
        Assert.Equal(2, announced.Select(r => r.DeliveryId).Distinct().Count());
        Assert.All(announced, r => Assert.Equal(
            SignatureCheck.Valid,
            PayloadSignature.Verify(r.Signature, Encoding.UTF8.GetBytes(r.Body), [PayoutsAppFixture.WebhookSecret], Now, Duration.FromHours(2))));
        Assert.Equal("210.00", Payloads.Parse(announced[1].Body).GetProperty("totals")[0].GetProperty("commission").GetString());
        Assert.Equal(1, Payloads.Parse(announced[1].Body).GetProperty("supersedes").GetInt32());
    }

    [Fact]
    public async Task AgencyStatementRoutes_BadOrUnknownIds_AreProblems()
    {
        Assert.Equal(400, (await GetAgencyStatementAsync("nova~2043-03~v1")).Status);
        Assert.Equal(400, (await GetStatementAsync("agency~nova~2043-03~v1")).Status);
        var unknown = await GetAgencyStatementAsync("agency~nobody-43~2043-03~v1");
        Assert.Equal(404, unknown.Status);
        Assert.StartsWith("application/problem+json", unknown.ContentType, StringComparison.Ordinal);
        Assert.Equal(400, (await ListAgencyStatementsAsync("not an id")).Status);
        var none = (await ListAgencyStatementsAsync(Payloads.Unique("agy"))).Body;
        Assert.Empty(none.GetProperty("statements").EnumerateArray());
        Assert.Empty(none.GetProperty("blocked").EnumerateArray());
    }

    /// <summary>
    /// Both sides summed: every creator's current statement of the period is in the agency statement, with its own
    /// content hash; its commission is minus the sum of that statement's commission lines, split into parts that add up;
    /// each currency's total is the sum of its creators'.
    /// </summary>
    private async Task AssertReconcilesAsync(JsonElement agency, string period, params string[] creators)
    {
        var listed = agency.GetProperty("creators").EnumerateArray().ToDictionary(c => c.GetProperty("creatorId").GetString()!);
        Assert.Equal(creators.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        var perCurrency = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var creator in creators)
        {
            var current = (await ListStatementsAsync(creator)).Body.GetProperty("statements").EnumerateArray()
                .Single(s => s.GetProperty("period").GetString() == period && s.GetProperty("status").GetString() != "Superseded");
            var entry = listed[creator];
            Assert.Equal(current.GetProperty("statementId").GetString(), entry.GetProperty("statementId").GetString());
            var statement = (await GetStatementAsync(current.GetProperty("statementId").GetString()!)).Body;
            Assert.Equal(statement.GetProperty("contentHash").GetString(), entry.GetProperty("contentHash").GetString());
            var lines = statement.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "agencyCommission").Sum(l => Dec(l.GetProperty("amount")));
            Assert.Equal(Dec(statement.GetProperty("totals").GetProperty("agencyCommission")), lines);
            var commission = entry.GetProperty("commission");
            Assert.Equal(-lines, Dec(commission.GetProperty("total")));
            Assert.Equal(Dec(commission.GetProperty("total")), Parts(commission));
            var currency = entry.GetProperty("currency").GetString()!;
            perCurrency[currency] = perCurrency.GetValueOrDefault(currency) - lines;
        }

        var totals = agency.GetProperty("totals").EnumerateArray().ToList();
        Assert.Equal(perCurrency.Keys.Order(StringComparer.Ordinal), totals.Select(t => t.GetProperty("currency").GetString()));
        Assert.All(totals, t => Assert.Equal(perCurrency[t.GetProperty("currency").GetString()!], Dec(t.GetProperty("commission").GetProperty("total"))));
        Assert.All(totals, t => Assert.Equal(Dec(t.GetProperty("commission").GetProperty("total")), Parts(t.GetProperty("commission"))));
    }

    private async Task<List<JsonElement>> AgencyListAsync(string agency) =>
        [.. (await ListAgencyStatementsAsync(agency)).Body.GetProperty("statements").EnumerateArray()];

    private async Task<TableEntity> AgencyHeaderRowAsync(string agency, string rowKey) =>
        (await App.Tables.GetTableClient(TableNames.Statements).GetEntityAsync<TableEntity>($"agency|{agency}", rowKey)).Value;

    private static IEnumerable<string> CreatorsOf(JsonElement agency) =>
        agency.GetProperty("creators").EnumerateArray().Select(c => c.GetProperty("creatorId").GetString()!);

    private static Dictionary<string, string> UnpaidOf(JsonElement agency) =>
        agency.GetProperty("notPaidThisPeriod").EnumerateArray().ToDictionary(u => u.GetProperty("creatorId").GetString()!, u => u.GetProperty("status").GetString()!);

    private static string Commission(JsonElement agency, string creator, string part) =>
        agency.GetProperty("creators").EnumerateArray().Single(c => c.GetProperty("creatorId").GetString() == creator).GetProperty("commission").GetProperty(part).GetString()!;

    private static string Total(JsonElement agency) => agency.GetProperty("totals")[0].GetProperty("commission").GetProperty("total").GetString()!;

    private static readonly string[] CommissionParts = ["gifts", "deals", "bonuses", "priorPeriodAdjustments"];

    private static decimal Parts(JsonElement commission) => CommissionParts.Sum(p => Dec(commission.GetProperty(p)));

    private static decimal Dec(JsonElement amount) => decimal.Parse(amount.GetString()!, CultureInfo.InvariantCulture);
}
