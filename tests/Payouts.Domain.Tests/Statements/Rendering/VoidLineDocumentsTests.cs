using System.Text;
using System.Text.Json;
using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements.Rendering;

/// <summary>A void line says what it is in every format: kind void, the voided record and its original period.</summary>
public sealed class VoidLineDocumentsTests
{
    private static readonly Instant InOctober = Instant.FromUtc(2026, 10, 20, 20, 0);

    private static readonly Statement WithVoids = Calculate(
        [Entry(1000, 1, At(5)), GiftEntry.ForVoid(new GiftVoid(Gift("g-oct", 1000, 2, InOctober, giftId: "galaxy"), 2), Paris)],
        [DealOf(Deal("d-nov", DealType.ProductPlacement, DealAmount.Of(300m, Currency.EUR), At(6))),
         DealEntry.ForVoid(Deal("d-oct", DealType.ProductPlacement, DealAmount.Of(100m, Currency.EUR), InOctober), Paris)]);

    [Fact]
    public void Json_VoidLines_AreKindVoidWithTheRecordAndItsPeriod()
    {
        using var document = JsonDocument.Parse(StatementJson.ToUtf8(WithVoids));
        var voids = document.RootElement.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == "void").ToList();

        Assert.Equal(2, voids.Count);
        Assert.Equal(
            [("gifts", "tiklive", "g-oct", "2026-10", "-4.60"), ("deals", "brandhub", "d-oct", "2026-10", "-100.00")],
            voids.Select(l => (l.GetProperty("revenue").GetString(), l.GetProperty("partnerId").GetString(), l.GetProperty("recordId").GetString(),
                l.GetProperty("originalPeriod").GetString(), l.GetProperty("amount").GetString())));
        Assert.Equal(-2000, voids[0].GetProperty("coins").GetInt64());
    }

    [Fact]
    public void Csv_EveryLine_EndsWithItsPartnerAndRecord_AndVoidLinesSayVoid()
    {
        var rows = CsvReader.Rows(StatementCsv.ToCsv(WithVoids));
        var header = rows.Single(r => r[0] == "number");
        var lines = rows.Skip(rows.IndexOf(header) + 1).TakeWhile(r => r.Count > 1).ToList();
        string Cell(List<string> row, string column) => row[header.IndexOf(column)];

        Assert.Equal(["partnerId", "recordId"], header[^2..]);
        Assert.All(lines, l => Assert.Equal(header.Count, l.Count));
        var voids = lines.Where(l => Cell(l, "kind") == "Void").ToList();
        Assert.Equal(
            [("Gifts", "2026-10", "tiklive", "g-oct", "-4.60"), ("Deals", "2026-10", "brandhub", "d-oct", "-100.00")],
            voids.Select(l => (Cell(l, "revenue"), Cell(l, "originalPeriod"), Cell(l, "partnerId"), Cell(l, "recordId"), Cell(l, "amount"))));
        Assert.Equal(("brandhub", "d-nov"), (Cell(lines.Single(l => Cell(l, "kind") == "Deal"), "partnerId"), Cell(lines.Single(l => Cell(l, "kind") == "Deal"), "recordId")));
        Assert.Equal(string.Empty, Cell(lines.Single(l => Cell(l, "kind") == "Gifts"), "recordId"));
    }

    [Fact]
    public void Html_VoidLines_AreTaggedAsVoidsOfTheirPeriod_AndNameTheRecord()
    {
        var html = StatementHtml.ToHtml(WithVoids);

        Assert.Contains("<span class=\"adj\">void 2026-10</span>Reversal of voided gift g-oct from 2026-10: 2 &#215; galaxy (rates from 2024-01-01)", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"adj\">void 2026-10</span>Reversal of voided deal d-oct from 2026-10", html, StringComparison.Ordinal);
        Assert.Contains("voided record tiklive/g-oct of 2026-10", html, StringComparison.Ordinal);
        Assert.Contains("voided record brandhub/d-oct of 2026-10", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Details_OfAVoidLine_SayHowItWasValuedAndWhichRecordItReverses()
    {
        var lines = WithVoids.Lines.Where(l => l.Kind == LineKind.Void).ToList();

        Assert.Equal("-2,000 coins → -1000 diamonds → -5 USD · voided record tiklive/g-oct of 2026-10", StatementText.Details(lines[0]));
        Assert.Equal("100 EUR reversed · voided record brandhub/d-oct of 2026-10 · earned 2026-10-20", StatementText.Details(lines[1]));
    }

    [Fact]
    public void Tag_NamesAVoidsPeriod_AnAdjustmentsPeriod_OrNothing()
    {
        var adjustment = WithVoids.Lines[0] with { Kind = LineKind.Gifts, OriginalPeriod = October };

        Assert.Equal("void 2026-10", StatementText.Tag(WithVoids.Lines.First(l => l.Kind == LineKind.Void)));
        Assert.Equal("adjustment 2026-10", StatementText.Tag(adjustment));
        Assert.Null(StatementText.Tag(WithVoids.Lines[0]));
    }

    [Fact]
    public void Documents_WithVoids_AddUpAndTheHashVerifies()
    {
        Assert.Equal(WithVoids.Totals!.Net.MinorUnits, WithVoids.Lines.Sum(l => l.Amount.MinorUnits));
        Assert.True(StatementHash.Verify(WithVoids));
        Assert.Contains("\"kind\": \"void\"", Encoding.UTF8.GetString(StatementJson.ToUtf8(WithVoids)), StringComparison.Ordinal);
    }
}
