using System.Globalization;
using System.Text;
using System.Xml;
using NodaTime.Text;
using Payouts.Domain.Monetary;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// The batch's SEPA transfers as an ISO 20022 <c>pain.001.001.09</c> customer credit-transfer initiation, in the
/// EPC's SCT profile: one payment information block (SEPA service level, charges shared, SLEV), one transaction per
/// statement with the statement's end-to-end id, for what earlier versions did not already transfer (a delta: the
/// payable less what they paid the creator). Amounts are minor units written with two decimals; the number of
/// transactions and the control sum are exact and count only this file's transfers. Same batch and debtor, same bytes.
/// </summary>
public static class CreditTransferXml
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    public const string ContentType = "application/xml; charset=utf-8";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        OmitXmlDeclaration = true,
    };

    /// <summary>Written by hand: XmlWriter would name the encoding "utf-8", banks' own examples say "UTF-8".</summary>
    private static readonly byte[] Declaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    public static byte[] ToUtf8(PayoutBatch batch, PayoutDebtor debtor)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(debtor);
        if (batch.Transfers.Count == 0)
        {
            throw new ArgumentException("A credit-transfer file needs at least one transfer.", nameof(batch));
        }

        using var buffer = new MemoryStream();
        buffer.Write(Declaration);
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartElement("Document", Namespace);
            xml.WriteStartElement("CstmrCdtTrfInitn");
            WriteGroupHeader(xml, batch, debtor);
            WritePaymentInformation(xml, batch, debtor);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteGroupHeader(XmlWriter xml, PayoutBatch batch, PayoutDebtor debtor)
    {
        xml.WriteStartElement("GrpHdr");
        xml.WriteElementString("MsgId", batch.MessageId);
        xml.WriteElementString("CreDtTm", InstantPattern.General.Format(batch.CreatedAt));
        xml.WriteElementString("NbOfTxs", Count(batch));
        xml.WriteElementString("CtrlSum", Amount(batch.TransferTotal));
        xml.WriteStartElement("InitgPty");
        xml.WriteElementString("Nm", debtor.Name.Value);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WritePaymentInformation(XmlWriter xml, PayoutBatch batch, PayoutDebtor debtor)
    {
        xml.WriteStartElement("PmtInf");
        xml.WriteElementString("PmtInfId", batch.MessageId + "-SCT");
        xml.WriteElementString("PmtMtd", "TRF");
        xml.WriteElementString("NbOfTxs", Count(batch));
        xml.WriteElementString("CtrlSum", Amount(batch.TransferTotal));
        xml.WriteStartElement("PmtTpInf");
        xml.WriteStartElement("SvcLvl");
        xml.WriteElementString("Cd", "SEPA");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("ReqdExctnDt");
        xml.WriteElementString("Dt", LocalDatePattern.Iso.Format(batch.ExecutionDate));
        xml.WriteEndElement();
        WriteParty(xml, "Dbtr", debtor.Name.Value);
        WriteAccount(xml, "DbtrAcct", debtor.Iban.Electronic);
        WriteAgent(xml, "DbtrAgt", debtor.Bic.Value);
        xml.WriteElementString("ChrgBr", "SLEV");
        foreach (var row in batch.Transfers)
        {
            var details = row.Details!;
            var endToEndId = EndToEndId.For(row.StatementId);
            xml.WriteStartElement("CdtTrfTxInf");
            xml.WriteStartElement("PmtId");
            xml.WriteElementString("EndToEndId", endToEndId);
            xml.WriteEndElement();
            xml.WriteStartElement("Amt");
            xml.WriteStartElement("InstdAmt");
            xml.WriteAttributeString("Ccy", row.Currency.Code);
            xml.WriteString(Amount(row.ToTransfer));
            xml.WriteEndElement();
            xml.WriteEndElement();
            if (details.Bic is { } bic)
            {
                WriteAgent(xml, "CdtrAgt", bic.Value);
            }

            WriteParty(xml, "Cdtr", details.Holder.Value);
            WriteAccount(xml, "CdtrAcct", details.Iban!.Electronic);
            xml.WriteStartElement("RmtInf");
            xml.WriteElementString("Ustrd", row.AlreadyTransferredMinor > 0
                ? $"Payout {batch.Period} statement {endToEndId} less {row.AlreadyTransferred.ToAmountString()} paid before"
                : $"Payout {batch.Period} statement {endToEndId}");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteParty(XmlWriter xml, string element, string name) => WriteNested(xml, name, element, "Nm");

    private static void WriteAccount(XmlWriter xml, string element, string iban) => WriteNested(xml, iban, element, "Id", "IBAN");

    private static void WriteAgent(XmlWriter xml, string element, string bic) => WriteNested(xml, bic, element, "FinInstnId", "BICFI");

    /// <summary><c>&lt;a&gt;&lt;b&gt;&lt;c&gt;value&lt;/c&gt;&lt;/b&gt;&lt;/a&gt;</c> for the path a, b, c.</summary>
    private static void WriteNested(XmlWriter xml, string value, params ReadOnlySpan<string> path)
    {
        foreach (var element in path[..^1])
        {
            xml.WriteStartElement(element);
        }

        xml.WriteElementString(path[^1], value);
        for (var i = 1; i < path.Length; i++)
        {
            xml.WriteEndElement();
        }
    }

    private static string Count(PayoutBatch batch) => batch.Transfers.Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>EUR has two decimals, which is what the schema's amounts allow: the minor units exactly, never rounded.</summary>
    private static string Amount(Money money) => money.ToAmountString();
}
