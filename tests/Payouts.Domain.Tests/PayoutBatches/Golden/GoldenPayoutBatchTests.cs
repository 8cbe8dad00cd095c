using Payouts.Domain.PayoutBatches;
using Payouts.Domain.Tests.Statements.Golden;

namespace Payouts.Domain.Tests.PayoutBatches.Golden;

/// <summary>
/// The batch's CSV and pain.001 XML, byte for byte against files in Golden/Files: a change of layout, amounts or ids
/// shows as a fixture diff. Regenerate on purpose with UPDATE_GOLDEN=1 (see <see cref="GoldenFile"/>).
/// </summary>
public sealed class GoldenPayoutBatchTests
{
    private const string Folder = "PayoutBatches/Golden/Files";

    [Fact]
    public void Csv_IsTheGoldenFile() => GoldenFile.AssertMatches("payout-batch.csv", PayoutBatchCsv.ToUtf8(BatchBuilders.GoldenBatch()), Folder);

    [Fact]
    public void Xml_IsTheGoldenFile() => GoldenFile.AssertMatches("payout-batch.xml", CreditTransferXml.ToUtf8(BatchBuilders.GoldenBatch(), BatchBuilders.Debtor), Folder);

    [Fact]
    public void GoldenXml_IsValidPain001() => Pain001Schema.AssertValid(CreditTransferXml.ToUtf8(BatchBuilders.GoldenBatch(), BatchBuilders.Debtor));

    [Fact]
    public void DeltaCsv_IsTheGoldenFile() => GoldenFile.AssertMatches("payout-batch-delta.csv", PayoutBatchCsv.ToUtf8(BatchBuilders.GoldenDelta()), Folder);

    [Fact]
    public void DeltaXml_IsTheGoldenFile_PayingOnlyWhatVersion1DidNot() => GoldenFile.AssertMatches("payout-batch-delta.xml", CreditTransferXml.ToUtf8(BatchBuilders.GoldenDelta(), BatchBuilders.Debtor), Folder);

    [Fact]
    public void GoldenDeltaXml_IsValidPain001() => Pain001Schema.AssertValid(CreditTransferXml.ToUtf8(BatchBuilders.GoldenDelta(), BatchBuilders.Debtor));
}
