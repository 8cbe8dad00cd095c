using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Configuration;
using Payouts.Storage.ReferenceData;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Admin;

/// <summary>
/// Issue 13.7, reference data is history, through the real admin functions: a contract or rate version is insert-only,
/// and a rate that would apply inside a period whose close has started is refused unless forced with a reason.
/// </summary>
/// <remarks>
/// Periods are global in the fixture and the rule looks at every period from the rate's start on, so these tests own
/// the years 2050–2059 (no other test closes a period that late); the test that expects a rate after the last closed
/// period to be accepted uses the latest year, 2059. Rates they store are FR versions from 2050 on (other tests use
/// FR's 2025 versions) or <c>usdPerDiamond</c> of a region of their own: a region with a <c>diamondsPerCoin</c> rate
/// not yet in force would make the health check of other tests unhealthy.
/// </remarks>
[Collection(ReferenceHistoryCollection.Name)]
public sealed class ReferenceDataHistoryTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private const string PrincipalIdHeader = AdminCaller.PrincipalIdHeader;

    [Fact]
    public async Task PutCreator_SameVersionSameTerms_Is200AndTheRowIsUntouched()
    {
        var creator = Payloads.Unique("hist-same");
        Assert.Equal(200, (await PutContractAsync(creator, "2054-01-01", "50.00")).Status);
        var before = await ContractRowAsync(creator, "2054-01-01");

        var again = await PutContractAsync(creator, "2054-01-01", "50.00");

        Assert.Equal(200, again.Status);
        Assert.Equal($"{creator}@2054-01-01", again.Body.GetProperty("contractVersion").GetString());
        Assert.Equal(before.ETag, (await ContractRowAsync(creator, "2054-01-01")).ETag);
    }

    [Fact]
    public async Task PutCreator_SameVersionOtherTerms_Is409AndTheStoredVersionStays_ANewDateIsANewVersion()
    {
        var creator = Payloads.Unique("hist-other");
        Assert.Equal(200, (await PutContractAsync(creator, "2054-01-01", "50.00")).Status);
        var before = await ContractRowAsync(creator, "2054-01-01");

        var conflict = await PutContractAsync(creator, "2054-01-01", "75.00");

        Assert.Equal(409, conflict.Status);
        Assert.Equal("application/problem+json", conflict.ContentType);
        Assert.Equal("urn:payouts:problem:contract-version-exists", conflict.Body.GetProperty("type").GetString());
        Assert.Contains("new effectiveFrom", conflict.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await ContractRowAsync(creator, "2054-01-01");
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(5000, after.GetInt64("MinimumPayoutMinor"));

        Assert.Equal(200, (await PutContractAsync(creator, "2054-06-01", "75.00")).Status);
        Assert.Equal(7500, (await ContractRowAsync(creator, "2054-06-01")).GetInt64("MinimumPayoutMinor"));
    }

    [Theory]
    [InlineData("diamondsPerCoin", "2050-02-15")]
    [InlineData("usdPerDiamond", "2050-02-15")]
    [InlineData("usdPerCoinReference", "2050-02-15")]
    [InlineData("fx", "2050-02-28")]
    [InlineData("diamondsPerCoin", "2050-01-20")]
    public async Task PutRate_StartingInOrBeforeAClosedPeriod_Is409NamingThePeriod_NothingStored(string kind, string from)
    {
        SetClock("2050-03-10T12:00:00Z");
        await PutWorldRatesAsync(); // the versions from 2025 that valued the period's records
        var key = kind switch { "fx" => "USD/EUR", "usdPerCoinReference" => string.Empty, _ => "FR" };
        Assert.Equal(200, (await ClosePeriodAsync("2050-02")).Status);

        var refused = await PutRateVersionAsync(kind, key, from, "0.7", Payloads.Unique("v2050"));

        Assert.Equal(409, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal("urn:payouts:problem:rate-inside-issued-period", refused.Body.GetProperty("type").GetString());
        var detail = refused.Body.GetProperty("detail").GetString();
        Assert.Contains("2050-02", detail, StringComparison.Ordinal);
        Assert.Contains("force=true", detail, StringComparison.Ordinal);
        Assert.Null(await RateRowAsync(kind, key, from));
    }

    [Fact]
    public async Task PutRate_Forced_IsStoredWithReasonWhoAndWhen_IssuedStatementAndDocumentsUnchanged()
    {
        var creator = Payloads.Unique("hist-forced");
        const string region = "FR";
        SetClock("2051-03-10T12:00:00Z");
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        await PutCreatorAsync(creator, region: region, minimumPayout: "0.00");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner, Payloads.Gift("g", creator, 1000, 1, "2051-02-10T12:00:00Z")));
        Assert.Equal(200, (await ClosePeriodAsync("2051-02")).Status);
        await DrainStatementJobsAsync();
        // 1000 coins × 0.5 × 0.005 × 0.92 = 2.30 EUR, less 20 % = 1.84.
        Assert.Equal(184, (await HeaderAsync(creator, "2051-02"))!.GetInt64("NetMinor"));
        var issued = await SnapshotAsync(creator, "2051-02");

        var unforced = await PutRateVersionAsync("diamondsPerCoin", region, "2051-02-01", "0.6", "dpc-fr-2051-02");
        var noReason = await PutRateVersionAsync("diamondsPerCoin", region, "2051-02-01", "0.6", "dpc-fr-2051-02", force: true);
        var logger = new CapturingLogger<RatePublisher>();
        SetClock("2051-03-11T08:30:00Z");
        var forced = await PutRateVersionAsync("diamondsPerCoin", region, "2051-02-01", "0.6", "dpc-fr-2051-02", force: true,
            reason: "Partner FR-2051-17: the February rate was published late", principal: "ops-principal-1", logger: logger);

        Assert.Equal(409, unforced.Status);
        Assert.Equal("urn:payouts:problem:rate-inside-issued-period", unforced.Body.GetProperty("type").GetString());
        Assert.Equal(400, noReason.Status);
        Assert.True(noReason.Body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(200, forced.Status);
        Assert.Equal("addedByForce", forced.Body.GetProperty("outcome").GetString());
        var recorded = forced.Body.GetProperty("forced");
        Assert.Equal("Partner FR-2051-17: the February rate was published late", recorded.GetProperty("reason").GetString());
        // This collection closes later periods too (2052–2059), in any order: 2051-02 is the one this rate reaches first.
        Assert.Equal("2051-02", recorded.GetProperty("issuedPeriods")[0].GetString());
        var row = await RateRowAsync("diamondsPerCoin", region, "2051-02-01");
        Assert.NotNull(row);
        Assert.Equal("0.6", row.GetString("Value"));
        Assert.True(row.GetBoolean("Forced"));
        Assert.Equal("Partner FR-2051-17: the February rate was published late", row.GetString("ForceReason"));
        Assert.Equal("ops-principal-1", row.GetString("ForcedBy"));
        Assert.Equal(DateTimeOffset.Parse("2051-03-11T08:30:00Z", System.Globalization.CultureInfo.InvariantCulture), row.GetDateTimeOffset("ForcedAt"));
        Assert.StartsWith("2051-02", row.GetString("ForcedPeriods"), StringComparison.Ordinal);
        var log = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Contains("{RateKind}", log.Template, StringComparison.Ordinal);
        Assert.Equal("2051-02", log.Values["FirstPeriod"]?.ToString());
        Assert.DoesNotContain(log.Values.Values, v => v?.ToString() is { } text && (text.Contains("published late", StringComparison.Ordinal) || text == "ops-principal-1"));

        // The same forced version again is a resend: 200 without force, and the row is not touched.
        Assert.Equal(200, (await PutRateVersionAsync("diamondsPerCoin", region, "2051-02-01", "0.6", "dpc-fr-2051-02")).Status);
        Assert.Equal(row.ETag, (await RateRowAsync("diamondsPerCoin", region, "2051-02-01"))!.ETag);

        // Closing the period again re-sends nothing for an issued statement: header, lines and documents are as issued.
        Assert.Equal(200, (await ClosePeriodAsync("2051-02")).Status);
        await DrainStatementJobsAsync();
        Assert.Equal(issued, await SnapshotAsync(creator, "2051-02"));
    }

    [Fact]
    public async Task PutRate_SameVersionAgainInsideAClosedPeriod_Is200AndTheRowIsUntouched()
    {
        var region = Payloads.Unique("R");
        SetClock("2052-02-10T12:00:00Z");
        Assert.Equal(200, (await PutRateVersionAsync("usdPerDiamond", region, "2052-01-01", "0.005", $"{region}-v1")).Status);
        // Forced because a later test's closed period (2053+) may already refuse it; the resend below must not need that.
        Assert.Equal(200, (await PutRateVersionAsync("usdPerDiamond", region, "2052-01-15", "0.0055", $"{region}-v2", force: true, reason: "test setup")).Status);
        Assert.Equal(200, (await ClosePeriodAsync("2052-01")).Status);
        var before = await RateRowAsync("usdPerDiamond", region, "2052-01-15");

        var again = await PutRateVersionAsync("usdPerDiamond", region, "2052-01-15", "0.0055", $"{region}-v2");

        Assert.Equal(200, again.Status);
        Assert.Equal("unchanged", again.Body.GetProperty("outcome").GetString());
        Assert.False(again.Body.TryGetProperty("forced", out _));
        Assert.Equal(before!.ETag, (await RateRowAsync("usdPerDiamond", region, "2052-01-15"))!.ETag);
    }

    [Fact]
    public async Task PutRate_FirstVersionOfARateInsideAClosedPeriod_IsAccepted_NoStatementUsedIt()
    {
        var region = Payloads.Unique("R");
        SetClock("2053-02-10T12:00:00Z");
        Assert.Equal(200, (await ClosePeriodAsync("2053-01")).Status);

        var first = await PutRateVersionAsync("usdPerDiamond", region, "2053-01-01", "0.005", $"{region}-v1");

        Assert.Equal(200, first.Status);
        var row = await RateRowAsync("usdPerDiamond", region, "2053-01-01");
        Assert.NotNull(row);
        Assert.Null(row.GetBoolean("Forced"));
    }

    [Fact]
    public async Task PutRate_AfterTheLastClosedPeriod_IsAccepted_SameDayOtherValueIs409AndTheRowStays()
    {
        var region = Payloads.Unique("R");
        SetClock("2059-03-10T12:00:00Z");
        Assert.Equal(200, (await PutRateVersionAsync("usdPerDiamond", region, "2059-01-01", "0.005", $"{region}-v1")).Status);
        Assert.Equal(200, (await ClosePeriodAsync("2059-02")).Status);

        var accepted = await PutRateVersionAsync("usdPerDiamond", region, "2059-03-01", "0.006", $"{region}-v2");
        var stored = await RateRowAsync("usdPerDiamond", region, "2059-03-01");
        var otherValue = await PutRateVersionAsync("usdPerDiamond", region, "2059-03-01", "0.0065", $"{region}-v2");
        var otherVersion = await PutRateVersionAsync("usdPerDiamond", region, "2059-03-01", "0.006", $"{region}-v3");

        Assert.Equal(200, accepted.Status);
        Assert.Equal($"{region}-v2", accepted.Body.GetProperty("versionId").GetString());
        Assert.NotNull(stored);
        Assert.Null(stored.GetBoolean("Forced"));
        Assert.Equal(409, otherValue.Status);
        Assert.Equal("urn:payouts:problem:rate-version-exists", otherValue.Body.GetProperty("type").GetString());
        Assert.Equal(409, otherVersion.Status);
        var after = await RateRowAsync("usdPerDiamond", region, "2059-03-01");
        Assert.Equal(stored.ETag, after!.ETag);
        Assert.Equal("0.006", after.GetString("Value"));
    }

    private async Task<HttpCall.Response> PutContractAsync(string creatorId, string effectiveFrom, string minimumPayout)
    {
        var body = new JsonObject
        {
            ["effectiveFrom"] = effectiveFrom, ["region"] = "FR", ["payoutCurrency"] = "EUR", ["agencyId"] = PayoutsAppFixture.Agency,
            ["commissionGifts"] = "0.20", ["commissionDeals"] = "0.15", ["commissionBonuses"] = "0.10", ["minimumPayout"] = minimumPayout,
        };
        var request = HttpCall.Request(body.ToJsonString(), secret: null, Now);
        return await HttpCall.ExecuteAsync<PutCreatorHttp>(request, await Function<PutCreatorHttp>().Run(request, creatorId, CancellationToken.None));
    }

    /// <summary>PUT /api/rates; with a logger, through a handler whose publisher logs to it (the same classes, not the shared singletons).</summary>
    private async Task<HttpCall.Response> PutRateVersionAsync(
        string kind, string key, string from, string value, string versionId, bool force = false, string? reason = null, string? principal = null, ILogger<RatePublisher>? logger = null)
    {
        var body = new JsonObject { ["kind"] = kind, ["key"] = key, ["from"] = from, ["value"] = value, ["versionId"] = versionId };
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        var request = HttpCall.Request(body.ToJsonString(), secret: null, Now);
        request.Method = "PUT";
        request.QueryString = force ? new Microsoft.AspNetCore.Http.QueryString("?force=true") : default;
        if (principal is not null)
        {
            request.Headers[PrincipalIdHeader] = principal;
        }

        // A principal is recorded only when Entra ID is required for admin routes (App Service sets the header then).
        var caller = new AdminCaller(new StaticOptionsMonitor<PayoutsOptions>(new PayoutsOptions { Admin = { RequireEntraRole = principal is not null } }));
        var function = logger is null ? Function<PutRateHttp>() : ActivatorUtilities.CreateInstance<PutRateHttp>(
            App.Services, ActivatorUtilities.CreateInstance<ReferenceDataHandler>(App.Services, ActivatorUtilities.CreateInstance<RatePublisher>(App.Services, logger), caller));
        return await HttpCall.ExecuteAsync<PutRateHttp>(request, await function.Run(request, CancellationToken.None));
    }

    private async Task<TableEntity> ContractRowAsync(string creatorId, string from) =>
        (await App.Tables.GetTableClient(TableNames.Creators).GetEntityAsync<TableEntity>(creatorId, $"contract|{from}")).Value;

    private async Task<TableEntity?> RateRowAsync(string kind, string key, string from)
    {
        var partition = kind switch
        {
            "diamondsPerCoin" => "DiamondsPerCoin",
            "usdPerDiamond" => "UsdPerDiamond",
            "usdPerCoinReference" => "UsdPerCoinReference",
            _ => "Fx",
        };
        var row = await App.Tables.GetTableClient(TableNames.Rates).GetEntityIfExistsAsync<TableEntity>(partition, $"{(key.Length == 0 ? "_" : key.Replace('/', '-'))}|{from}");
        return row.HasValue ? row.Value : null;
    }

    /// <summary>An issued statement as stored: header ETag, line rows with their ETags, each document's ETag and hash.</summary>
    private async Task<string> SnapshotAsync(string creatorId, string period)
    {
        var header = await HeaderAsync(creatorId, period);
        var typed = await TypedHeaderAsync(creatorId, period);
        var lines = (await StatementLinesAsync(creatorId, period)).Select(r => $"{r.RowKey}:{r.ETag}:{r.GetInt64("AmountMinor")}");
        var container = new BlobContainerClient(App.ConnectionString, StatementDocuments.Container);
        var documents = new List<string>();
        foreach (var format in StatementDocuments.ContentTypes.Keys)
        {
            var content = (await container.GetBlobClient($"{typed!.BlobPrefix}.{format}").DownloadContentAsync()).Value;
            documents.Add($"{format}:{content.Details.ETag}:{Convert.ToHexString(SHA256.HashData(content.Content.ToArray()))}");
        }

        Assert.NotEmpty(documents);
        return $"{header!.ETag}|{string.Join(',', lines)}|{string.Join(',', documents)}";
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Template, IReadOnlyDictionary<string, object?> Values)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var template = values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value?.ToString() ?? string.Empty;
            lock (Entries)
            {
                Entries.Add((logLevel, template, values.Where(v => v.Key != "{OriginalFormat}").ToDictionary(v => v.Key, v => v.Value)));
            }
        }
    }
}
