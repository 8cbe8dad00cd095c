using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Tests.Statements.Rendering;
using static Payouts.Domain.Tests.PayoutBatches.BatchBuilders;

namespace Payouts.Domain.Tests.PayoutBatches;

public sealed class PayoutBatchCsvTests
{
    [Fact]
    public void ToCsv_OneRowPerStatement_WithMaskedAccountsAndTheFilesIds()
    {
        var rows = CsvReader.Rows(PayoutBatchCsv.ToCsv(GoldenBatch()));

        var table = rows.SkipWhile(r => r[0] != "statementId").Skip(1).TakeWhile(r => r is not [""]).ToList();
        Assert.Equal(GoldenBatch().Rows.Count, table.Count);
        var lea = table.Single(r => r[1] == "lea");
        Assert.Equal(["lea~2026-11~v2", "lea", "EUR", "503.17", "sepa", "FR76 **** **** **** **** ***0 189", "yes", "lea~2026-11~v2", "", "", "0.00", "503.17", ""], lea);
        var ana = table.Single(r => r[1] == "ana");
        Assert.Equal(["ana~2026-11~v1", "ana", "EUR", "75.00", "manual", "", "no", "", "no-payout-details", "", "0.00", "", ""], ana);
    }

    [Fact]
    public void ToCsv_TotalsPerCurrencyAndTheFile_AddUpExactly()
    {
        var rows = CsvReader.Rows(PayoutBatchCsv.ToCsv(GoldenBatch()));

        Assert.Contains(["total", "EUR", "6", "1992.74"], rows);
        Assert.Contains(["total", "GBP", "1", "80.50"], rows);
        Assert.Contains(["total", "JPY", "1", "12000"], rows);
        Assert.Contains(["transferFile", "EUR", "4", "1857.74"], rows);
    }

    [Fact]
    public void ToCsv_NoIbanOrNameInClear()
    {
        var csv = PayoutBatchCsv.ToCsv(GoldenBatch());

        Assert.DoesNotContain("30006000011234567890", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("IT60X0542811101000000123456", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Léa Martin", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_IdsThatLookLikeFormulas_AreNeutralised()
    {
        var rows = CsvReader.Rows(PayoutBatchCsv.ToCsv(GoldenBatch()));

        Assert.Contains(rows, r => r[0] == "'@chloe~2026-11~v1" && r[1] == "'@chloe");
        Assert.Contains(rows, r => r[0] == "'-sum~2026-11~v1" && r[7] == "'-sum~2026-11~v1");
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');
    }

    [Fact]
    public void ToUtf8_StartsWithABom_AndIsDeterministic()
    {
        var bytes = PayoutBatchCsv.ToUtf8(GoldenBatch());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(bytes, PayoutBatchCsv.ToUtf8(GoldenBatch()));
    }
}
