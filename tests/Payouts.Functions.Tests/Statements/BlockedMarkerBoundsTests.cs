using Azure.Data.Tables;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A blocked marker is written whatever the reasons: many reasons, long messages and thousands of record ids are cut
/// to what a table row holds (32 K characters a property) and stored in Azurite, counted where cut.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class BlockedMarkerBoundsTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    [Fact]
    public async Task HugeReasons_AreBoundedToWhatARowHolds_AndReadBackWithTheRestCounted()
    {
        var creator = Payloads.Unique("bounds");
        var id = new string('r', 120);
        var reasons = Enumerable.Range(0, 30)
            .Select(i => BlockReason.Of($"code-{i}", new string('m', 1_000), Enumerable.Range(0, 500).Select(n => $"{id}{i:D2}{n:D4}")))
            .ToList();
        var row = StatementRows.Blocked(creator, PeriodKey.Month(2026, 10), reasons);

        Assert.All(row.Select(p => p.Value).OfType<string>(), column => Assert.True(column.Length <= 32_000, $"a column of {column.Length} characters"));
        var table = App.Tables.GetTableClient(TableNames.Statements);
        await table.AddEntityAsync(row);

        var (period, read) = StatementRows.ToBlocked((await table.GetEntityAsync<TableEntity>(creator, row.RowKey)).Value)!.Value;
        Assert.Equal(PeriodKey.Month(2026, 10), period);
        Assert.Equal(BlockColumns.MaxReasons, read.Count);
        Assert.Equal(["code-0", "code-18", BlockColumns.MoreReasonsCode], [read[0].Code, read[18].Code, read[19].Code]);
        Assert.Equal("and 11 more reasons", read[^1].Message);
        Assert.Equal(BlockColumns.MaxMessageLength, read[0].Message.Length);
        Assert.EndsWith("…", read[0].Message, StringComparison.Ordinal);
        Assert.True(read.Sum(r => r.RecordIds.Count) <= BlockColumns.MaxRecordIdsInAll);
        Assert.Equal(reasons[0].RecordIds.Take(read[0].RecordIds.Count), read[0].RecordIds);
    }

    [Fact]
    public void FewReasons_AreKeptWhole()
    {
        var reasons = new[] { BlockReason.Of("missing-rate", "no diamonds-per-coin rate for ZZ on 2026-10-03", ["g-1", "g-2"]) };

        var read = StatementRows.ToBlocked(StatementRows.Blocked("lea", PeriodKey.Month(2026, 10), reasons))!.Value.Reasons;

        var reason = Assert.Single(read);
        Assert.Equal(reasons[0].Code, reason.Code);
        Assert.Equal(reasons[0].Message, reason.Message);
        Assert.Equal(["g-1", "g-2"], reason.RecordIds);
    }
}
