using System.Text;
using System.Text.Json;
using Payouts.Domain.Agencies;
using Payouts.Domain.Agencies.Rendering;
using Payouts.Domain.Tests.Statements.Rendering;
using static Payouts.Domain.Tests.Agencies.AgencyBuilders;

namespace Payouts.Domain.Tests.Agencies.Rendering;

/// <summary>Agency statement documents: the JSON's shape and hash, spreadsheet-safe CSV, escaped HTML.</summary>
public sealed class AgencyStatementRenderingTests
{
    private static readonly AgencyStatement Nova = AgencyStatementCalculator.Calculate(
        AgencyRequest([InputOf(Lea()), InputOf(Max()), InputOf(Ines())], [Noor()])) with { IssuedAt = NodaTime.Instant.FromUtc(2026, 12, 3, 1, 0) };

    private static AgencyStatement WithBlocked(string creatorId) =>
        AgencyStatementCalculator.Calculate(AgencyRequest([InputOf(Lea())], [new BlockedCreator(creatorId, ["missing-rate"])]));

    [Fact]
    public void Json_ListsCreatorsWithCommission_TotalsPerCurrency_AndTheUnpaidWithoutAmounts()
    {
        using var json = JsonDocument.Parse(AgencyStatementJson.ToUtf8(Nova));
        var root = json.RootElement;

        Assert.Equal("agency~nova~2026-11~v1", root.GetProperty("agencyStatementId").GetString());
        Assert.Equal("issued", root.GetProperty("status").GetString());
        Assert.Equal(["ines", "lea", "max"], root.GetProperty("creators").EnumerateArray().Select(c => c.GetProperty("creatorId").GetString()));
        var lea = root.GetProperty("creators")[1];
        Assert.Equal("lea~2026-11~v1", lea.GetProperty("statementId").GetString());
        Assert.Equal("90.32", lea.GetProperty("commission").GetProperty("total").GetString());
        Assert.Equal("0.00", lea.GetProperty("commission").GetProperty("priorPeriodAdjustments").GetString());
        var total = Assert.Single(root.GetProperty("totals").EnumerateArray());
        Assert.Equal(("EUR", 3, "204.71"), (total.GetProperty("currency").GetString(), total.GetProperty("creators").GetInt32(), total.GetProperty("commission").GetProperty("total").GetString()));
        var unpaid = root.GetProperty("notPaidThisPeriod").EnumerateArray().ToList();
        Assert.Equal(["ines", "noor"], unpaid.Select(u => u.GetProperty("creatorId").GetString()));
        Assert.Equal(["carriedForward", "blocked"], unpaid.Select(u => u.GetProperty("status").GetString()));
        Assert.All(unpaid, u => Assert.False(u.TryGetProperty("commission", out _)));
        Assert.Equal(["missing-rate"], unpaid[1].GetProperty("blockCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.False(unpaid[0].TryGetProperty("blockCodes", out _));
        Assert.Equal(Nova.ContentHash, root.GetProperty("contentHash").GetString());
        Assert.Equal("2026-12-03T01:00:00Z", root.GetProperty("issuedAt").GetString());
        Assert.False(root.TryGetProperty("supersedes", out _));
    }

    [Fact]
    public void Hash_LeavesOutTheIssueTime_AndVerifies()
    {
        Assert.Equal(Nova.ContentHash, AgencyStatementHash.Compute(Nova with { IssuedAt = null }));
        Assert.True(AgencyStatementHash.Verify(Nova));
        Assert.False(AgencyStatementHash.Verify(Nova with { Zone = "Europe/Berlin" }));
        Assert.DoesNotContain("issuedAt", Encoding.UTF8.GetString(AgencyStatementJson.ToUtf8(Nova, Payouts.Domain.Statements.Rendering.StatementJson.Content.HashedOnly)), StringComparison.Ordinal);
        using var hashed = JsonDocument.Parse(AgencyStatementJson.ToUtf8(Nova, Payouts.Domain.Statements.Rendering.StatementJson.Content.HashedOnly));
        Assert.False(hashed.RootElement.TryGetProperty("contentHash", out _));
    }

    [Fact]
    public void Csv_HasOneRowPerCreatorWithCommission_TotalsAndUnpaid()
    {
        var rows = CsvReader.Rows(AgencyStatementCsv.ToCsv(Nova));

        var header = rows.Single(r => r[0] == "creatorId");
        Assert.Equal(["creatorId", "status", "statementId", "currency", "gifts", "deals", "bonuses", "priorPeriodAdjustments", "commission"], header);
        var creators = rows.Skip(rows.IndexOf(header) + 1).TakeWhile(r => r.Count > 1).ToList();
        Assert.Equal(["ines", "lea", "max"], creators.Select(c => c[0]));
        Assert.Equal(["lea", "Issued", "lea~2026-11~v1", "EUR", "14.40", "75.00", "0.92", "0.00", "90.32"], creators[1]);
        Assert.Equal(["total", "3", "EUR", "28.20", "158.00", "0.92", "17.59", "204.71"], rows.Single(r => r[0] == "total" && r[1] == "3"));
        Assert.Equal(["notPaidThisPeriod", "noor", "Blocked", "", "missing-rate"], rows.Single(r => r[0] == "notPaidThisPeriod" && r[1] == "noor"));
        Assert.Equal(["notPaidThisPeriod", "ines", "CarriedForward", "ines~2026-11~v1", ""], rows.Single(r => r[0] == "notPaidThisPeriod" && r[1] == "ines"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, AgencyStatementCsv.ToUtf8(Nova)[..3]);
    }

    [Theory]
    [InlineData("-cmd")]
    [InlineData("@SUM")]
    public void Csv_CreatorIdThatLooksLikeAFormula_IsNeutralised(string creatorId)
    {
        var rows = CsvReader.Rows(AgencyStatementCsv.ToCsv(WithBlocked(creatorId)));

        Assert.Equal("'" + creatorId, rows.Single(r => r[0] == "notPaidThisPeriod")[1]);
    }

    [Fact]
    public void Html_MarkupInData_IsEncoded()
    {
        var html = AgencyStatementHtml.ToHtml(WithBlocked("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_ShowsCommissionTotalsAndWhoIsNotPaid()
    {
        var html = AgencyStatementHtml.ToHtml(Nova);

        Assert.Contains("<h1>Agency statement 2026-11 — nova</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Total EUR</td><td>3 creators</td>", html, StringComparison.Ordinal);
        Assert.Contains("204.71 EUR", html, StringComparison.Ordinal);
        Assert.Contains("Creators not paid this period", html, StringComparison.Ordinal);
        Assert.Contains("<li>noor — blocked", html, StringComparison.Ordinal);
        Assert.Contains("<li>ines — carried forward", html, StringComparison.Ordinal);
        Assert.Contains(Nova.ContentHash, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Blocked_RendersTheReasonsInEveryFormat()
    {
        var blocked = AgencyStatementCalculator.Calculate(AgencyRequest([InputOf(Lea()) with { AgencyCommission = Builders.Eur(-1m) }]));

        Assert.Contains("creator-statement-inconsistent", Encoding.UTF8.GetString(AgencyStatementJson.ToUtf8(blocked)), StringComparison.Ordinal);
        Assert.Contains(CsvReader.Rows(AgencyStatementCsv.ToCsv(blocked)), r => r[0] == "blocked" && r[1] == "creator-statement-inconsistent");
        Assert.Contains("Why this agency statement is blocked", AgencyStatementHtml.ToHtml(blocked), StringComparison.Ordinal);
    }
}
