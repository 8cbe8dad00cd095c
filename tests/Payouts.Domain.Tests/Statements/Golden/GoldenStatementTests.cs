using System.Text;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.Tests.Statements.Golden;

/// <summary>
/// Statement documents and content hash, byte for byte against files in Golden/Files. A change of format, rounding or
/// hash shows as a fixture diff; regenerate on purpose with UPDATE_GOLDEN=1 (see <see cref="GoldenFile"/>).
/// </summary>
public sealed class GoldenStatementTests
{
    public static TheoryData<string> Names => [GoldenStatements.WorkedExample, GoldenStatements.Rich, GoldenStatements.Reissue, GoldenStatements.Voids];

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_IsTheGoldenFile(string name) =>
        GoldenFile.AssertMatches($"{name}.json", StatementJson.ToUtf8(GoldenStatements.Of(name)));

    [Theory]
    [MemberData(nameof(Names))]
    public void Csv_IsTheGoldenFile(string name) =>
        GoldenFile.AssertMatches($"{name}.csv", StatementCsv.ToUtf8(GoldenStatements.Of(name)));

    [Theory]
    [MemberData(nameof(Names))]
    public void Html_IsTheGoldenFile(string name) =>
        GoldenFile.AssertMatches($"{name}.html", Encoding.UTF8.GetBytes(StatementHtml.ToHtml(GoldenStatements.Of(name))));

    [Theory]
    [MemberData(nameof(Names))]
    public void ContentHash_IsTheGoldenFile(string name) =>
        GoldenFile.AssertMatches($"{name}.hash.txt", Encoding.UTF8.GetBytes(GoldenStatements.Of(name).ContentHash + "\n"));

    [Theory]
    [MemberData(nameof(Names))]
    public void GoldenStatement_IsIssuedAndItsHashVerifies(string name)
    {
        var statement = GoldenStatements.Of(name);

        Assert.NotEqual(StatementStatus.Blocked, statement.Status);
        Assert.True(StatementHash.Verify(statement));
    }
}
