using System.Globalization;
using System.Text;
using System.Xml.Linq;
using CsCheck;
using Payouts.Domain.PayoutBatches;
using static Payouts.Domain.Tests.PayoutBatches.BatchBuilders;

namespace Payouts.Domain.Tests.PayoutBatches;

public sealed class CreditTransferXmlTests
{
    private static readonly XNamespace Pain = CreditTransferXml.Namespace;

    private static readonly string[] Ibans =
    [
        "FR7630006000011234567890189", "DE89370400440532013000", "NL91ABNA0417164300", "BE68539007547034",
        "IT60X0542811101000000123456", "ES9121000418450200051332", "NO9386011117947", "MT84MALT011000012345MTLCAST001S",
    ];

    /// <summary>Batches of 1–60 EUR SEPA rows of any amount from 0.01 to the SEPA maximum.</summary>
    private static readonly Gen<PayoutBatch> Batches =
        Gen.Select(Gen.Long[1, 99_999_999_999L], Gen.Int[0, Ibans.Length - 1], Gen.Bool).Array[1, 60].Select(rows => Batch(
            1,
            [.. rows.Select((r, i) => Row($"c{i:D3}", r.Item1 / 100m, Sepa($"c{i:D3}", Ibans[r.Item2], $"Creator {i}", r.Item3 ? "BNPAFRPP" : null)))]));

    [Fact]
    public void ToUtf8_AnyBatch_IsValidAgainstTheSchema_WithExactCountAndControlSum() =>
        Batches.Sample(
            batch =>
            {
                var xml = CreditTransferXml.ToUtf8(batch, Debtor);

                Pain001Schema.AssertValid(xml);
                var document = XDocument.Load(new MemoryStream(xml));
                var amounts = document.Descendants(Pain + "InstdAmt").Select(a => decimal.Parse(a.Value, CultureInfo.InvariantCulture)).ToList();
                var expected = batch.Transfers.Sum(r => r.Payable.MinorUnits);
                Assert.Equal(expected, (long)(amounts.Sum() * 100));
                foreach (var header in new[] { Pain + "GrpHdr", Pain + "PmtInf" })
                {
                    var block = document.Descendants(header).Single();
                    Assert.Equal(batch.Transfers.Count.ToString(CultureInfo.InvariantCulture), block.Element(Pain + "NbOfTxs")!.Value);
                    Assert.Equal(expected, (long)(decimal.Parse(block.Element(Pain + "CtrlSum")!.Value, CultureInfo.InvariantCulture) * 100));
                }

                Assert.All(amounts, a => Assert.Equal(2, BitConverter.GetBytes(decimal.GetBits(a)[3])[2]));
            },
            iter: 40);

    [Fact]
    public void ToUtf8_SameBatch_IsByteIdentical() =>
        Assert.Equal(CreditTransferXml.ToUtf8(GoldenBatch(), Debtor), CreditTransferXml.ToUtf8(GoldenBatch(), Debtor));

    [Fact]
    public void ToUtf8_PaysOnlyTheTransfers_WithTheirEndToEndIdsAndClearAccounts()
    {
        var document = XDocument.Load(new MemoryStream(CreditTransferXml.ToUtf8(GoldenBatch(), Debtor)));

        var transactions = document.Descendants(Pain + "CdtTrfTxInf").ToList();
        Assert.Equal(GoldenBatch().Transfers.Select(r => EndToEndId.For(r.StatementId)), transactions.Select(t => t.Descendants(Pain + "EndToEndId").Single().Value));
        var lea = transactions.Single(t => t.Descendants(Pain + "EndToEndId").Single().Value == "lea~2026-11~v2");
        Assert.Equal("FR7630006000011234567890189", lea.Element(Pain + "CdtrAcct")!.Descendants(Pain + "IBAN").Single().Value);
        Assert.Equal("Léa Martin", lea.Element(Pain + "Cdtr")!.Element(Pain + "Nm")!.Value);
        Assert.Equal("BNPAFRPP", lea.Element(Pain + "CdtrAgt")!.Descendants(Pain + "BICFI").Single().Value);
        Assert.Equal("503.17", lea.Descendants(Pain + "InstdAmt").Single().Value);
        Assert.Null(transactions.Single(t => t.Descendants(Pain + "EndToEndId").Single().Value == "@chloe~2026-11~v1").Element(Pain + "CdtrAgt"));
        Assert.DoesNotContain("Marco Rossi", document.ToString(), StringComparison.Ordinal);
        Assert.Equal("SLEV", document.Descendants(Pain + "ChrgBr").Single().Value);
        Assert.Equal("PAYOUTS-2026-11-V2", document.Descendants(Pain + "MsgId").Single().Value);
        Assert.Equal("2026-12-02T23:01:00Z", document.Descendants(Pain + "CreDtTm").Single().Value);
    }

    [Fact]
    public void ToUtf8_NoTransfer_IsRefused() =>
        Assert.Throws<ArgumentException>(() => CreditTransferXml.ToUtf8(Batch(1, Row("ana", 10m)), Debtor));

    /// <summary>The schema check itself must be able to fail: a wrong namespace, a missing count, another service level, charges or precision.</summary>
    [Theory]
    [InlineData("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09", "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03")]
    [InlineData("<NbOfTxs>4</NbOfTxs>", "")]
    [InlineData("<Cd>SEPA</Cd>", "<Cd>URGP</Cd>")]
    [InlineData("<ChrgBr>SLEV</ChrgBr>", "<ChrgBr>DEBT</ChrgBr>")]
    [InlineData("<InstdAmt Ccy=\"EUR\">503.17</InstdAmt>", "<InstdAmt Ccy=\"EUR\">503.175</InstdAmt>")]
    public void Schema_BrokenDocument_IsInvalid(string from, string to)
    {
        var xml = Encoding.UTF8.GetString(CreditTransferXml.ToUtf8(GoldenBatch(), Debtor));
        Assert.Contains(from, xml, StringComparison.Ordinal);

        Assert.NotEmpty(Pain001Schema.Problems(Encoding.UTF8.GetBytes(xml.Replace(from, to, StringComparison.Ordinal))));
    }
}
