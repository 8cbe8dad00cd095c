using System.Xml;
using System.Xml.Schema;

namespace Payouts.Domain.Tests.PayoutBatches;

/// <summary>
/// Validates a document against the pain.001.001.09 schema kept in Schemas/ (its README says where it comes from).
/// Warnings count as errors: an element in a namespace the schema does not know is only a warning by default, and a
/// wrong namespace would otherwise pass as "valid".
/// </summary>
internal static class Pain001Schema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(Payouts.Domain.PayoutBatches.CreditTransferXml.Namespace, Path.Combine(AppContext.BaseDirectory, "PayoutBatches", "Schemas", "pain.001.001.09.xsd"));
        set.Compile();
        return set;
    });

    public static IReadOnlyList<string> Problems(byte[] document)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(document), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    public static void AssertValid(byte[] document)
    {
        var problems = Problems(document);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
