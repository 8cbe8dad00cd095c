using System.Text;
using NodaTime;
using Payouts.Domain.Agencies;
using Payouts.Domain.Agencies.Rendering;
using static Payouts.Domain.Tests.Agencies.AgencyBuilders;

namespace Payouts.Domain.Tests.Statements.Golden;

/// <summary>
/// Agency statement documents and content hash, byte for byte against Golden/Files: nova's November (a §5 creator, one
/// with prior-period adjustments and deal rates, one carried forward, one paid in JPY, one blocked) and its version 2
/// after the §5 creator's statement was reissued. Regenerate on purpose with UPDATE_GOLDEN=1 (see <see cref="GoldenFile"/>).
/// </summary>
public sealed class GoldenAgencyStatementTests
{
    public const string Agency = "agency";
    public const string AgencyV2 = "agency-v2";

    public static TheoryData<string> Names => [Agency, AgencyV2];

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_IsTheGoldenFile(string name) => GoldenFile.AssertMatches($"{name}.json", AgencyStatementJson.ToUtf8(Of(name)));

    [Theory]
    [MemberData(nameof(Names))]
    public void Csv_IsTheGoldenFile(string name) => GoldenFile.AssertMatches($"{name}.csv", AgencyStatementCsv.ToUtf8(Of(name)));

    [Theory]
    [MemberData(nameof(Names))]
    public void Html_IsTheGoldenFile(string name) => GoldenFile.AssertMatches($"{name}.html", Encoding.UTF8.GetBytes(AgencyStatementHtml.ToHtml(Of(name))));

    [Theory]
    [MemberData(nameof(Names))]
    public void ContentHash_IsTheGoldenFile(string name) => GoldenFile.AssertMatches($"{name}.hash.txt", Encoding.UTF8.GetBytes(Of(name).ContentHash + "\n"));

    [Theory]
    [MemberData(nameof(Names))]
    public void GoldenAgencyStatement_IsIssuedAndItsHashVerifies(string name)
    {
        var statement = Of(name);

        Assert.Equal(AgencyStatementStatus.Issued, statement.Status);
        Assert.True(AgencyStatementHash.Verify(statement));
    }

    private static AgencyStatement Of(string name)
    {
        var issuedAt = Instant.FromUtc(2026, 12, 3, 1, 5);
        var others = new[] { InputOf(Max()), InputOf(Ines()), InputOf(Yuki()) };
        var v1 = AgencyStatementCalculator.Calculate(AgencyRequest([InputOf(Lea()), .. others], [Noor()])) with { IssuedAt = issuedAt };
        if (name == Agency)
        {
            return v1;
        }

        var leaV2 = StatementOf("lea", Builders.WorkedExample() with { Rates = Builders.Rates(usdToEur: 0.90m), CorrectionReason = "USD→EUR corrected" }, version: 2);
        var request = AgencyRequest([InputOf(leaV2), .. others], [Noor()]) with
        {
            Id = NovaNovember.NextVersion(),
            Previous = new AgencyPreviousVersion(v1.Version, v1.Sources, v1.Totals),
        };
        return AgencyStatementCalculator.Calculate(request) with { IssuedAt = issuedAt + Duration.FromDays(2) };
    }
}
