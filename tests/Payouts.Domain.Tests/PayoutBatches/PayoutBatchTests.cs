using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutBatches;
using static Payouts.Domain.Tests.PayoutBatches.BatchBuilders;

namespace Payouts.Domain.Tests.PayoutBatches;

public sealed class PayoutBatchTests
{
    [Fact]
    public void Create_RowsInAnyOrder_AreSortedByStatementIdOrdinal()
    {
        var rows = new[] { Row("zoe", 10m), Row("Zed", 20m), Row("amy", 30m), Row("-x", 40m) };

        var batch = Batch(1, rows);

        Assert.Equal(["-x~2026-11~v1", "Zed~2026-11~v1", "amy~2026-11~v1", "zoe~2026-11~v1"], batch.Rows.Select(r => r.StatementId.ToString()));
        Assert.True(batch.PaysTheSameAs(Batch(1, [.. rows.Reverse()])));
    }

    [Fact]
    public void Totals_ArePerCurrencyAndExactInMinorUnits()
    {
        var batch = GoldenBatch();

        Assert.Equal(["EUR", "GBP", "JPY"], batch.Totals.Select(t => t.Currency.Code));
        var eur = batch.Totals[0];
        Assert.Equal(6, eur.Count);
        Assert.Equal(50317 + 12000 + 7500 + 6000 + 123456 + 1, eur.Total.MinorUnits);
        Assert.Equal(new Money(8050, Currency.FromCode("GBP")), batch.Totals[1].Total);
        Assert.Equal(new Money(12000, Currency.JPY), batch.Totals[2].Total);
    }

    [Fact]
    public void Transfers_AreTheEurSepaRows_AndTheOthersAreExcludedWithAReason()
    {
        var batch = GoldenBatch();

        Assert.Equal(["-sum", "@chloe", "creator-with-a-very-long-id-0123456789", "lea"], batch.Transfers.Select(r => r.CreatorId));
        Assert.Equal(new Money(50317 + 12000 + 123456 + 1, Currency.EUR), batch.TransferTotal);
        var reasons = batch.Exclusions.ToDictionary(e => e.Row.CreatorId, e => e.Code);
        Assert.Equal(TransferExclusionCodes.NoPayoutDetails, reasons["ana"]);
        Assert.Equal(TransferExclusionCodes.ManualMethod, reasons["marco"]);
        Assert.Equal(TransferExclusionCodes.NotEur, reasons["tom"]);
        Assert.Equal(TransferExclusionCodes.NotEur, reasons["yuki"]);
        Assert.Equal(batch.Rows.Count, batch.Transfers.Count + batch.Exclusions.Count);
    }

    [Fact]
    public void Transfers_AboveTheSepaMaximum_AreExcluded()
    {
        var details = Sepa("big", "FR7630006000011234567890189", "Big Spender");
        var atMax = Batch(1, Row("max", 999_999_999.99m, Sepa("max", "FR7630006000011234567890189", "Max")));
        var above = Batch(1, Row("big", 1_000_000_000.00m, details));

        Assert.Single(atMax.Transfers);
        Assert.Equal(TransferExclusionCodes.AboveSepaMaximum, Assert.Single(above.Exclusions).Code);
    }

    [Fact]
    public void Transfers_ToAnIbanOutsideSepa_AreExcluded()
    {
        // A SEPA method with a non-SEPA IBAN is refused at input; if the SEPA list ever shrinks, the file still never pays one.
        var details = new Payouts.Domain.PayoutDetails.CreatorPayoutDetails(
            "sam", Payouts.Domain.PayoutDetails.PayoutMethod.Sepa, Payouts.Domain.PayoutDetails.Iban.Parse("SA0380000000608010167519"), null,
            Payouts.Domain.PayoutDetails.AccountHolderName.Parse("Sam"));

        Assert.Equal(TransferExclusionCodes.OutsideSepa, Assert.Single(Batch(1, Row("sam", 10m, details)).Exclusions).Code);
    }

    [Fact]
    public void Labels_ComeFromThePeriodAndVersion_NotAClock()
    {
        var v1 = Batch(1, Row("lea", 1m));
        var v3 = Batch(3, Row("lea", 1m));

        // November 2026 in Paris ends 2026-12-01T00:00+01:00; due two days later.
        Assert.Equal(Instant.FromUtc(2026, 12, 2, 23, 0), v1.CreatedAt);
        Assert.Equal(Instant.FromUtc(2026, 12, 2, 23, 2), v3.CreatedAt);
        Assert.Equal(new LocalDate(2026, 12, 3), v1.ExecutionDate);
        Assert.Equal("PAYOUTS-2026-11-V1", v1.MessageId);
        Assert.Equal("PAYOUTS-2026-11-V3", v3.MessageId);
    }

    [Fact]
    public void PaysTheSameAs_DiffersWhenAnAmountAStatementVersionOrAnAccountDiffers()
    {
        var lea = Sepa("lea", "FR7630006000011234567890189", "Léa Martin");
        var batch = Batch(1, Row("lea", 10m, lea));

        Assert.True(batch.PaysTheSameAs(Batch(2, Row("lea", 10m, Sepa("lea", "fr76 3000 6000 0112 3456 7890 189", "Léa Martin")))));
        Assert.False(batch.PaysTheSameAs(Batch(1, Row("lea", 10.01m, lea))));
        Assert.False(batch.PaysTheSameAs(Batch(1, Row("lea", 10m, lea, version: 2))));
        Assert.False(batch.PaysTheSameAs(Batch(1, Row("lea", 10m, Sepa("lea", "DE89370400440532013000", "Léa Martin")))));
        Assert.False(batch.PaysTheSameAs(Batch(1, Row("lea", 10m, lea), Row("max", 1m))));
    }

    [Fact]
    public void Create_TheSameStatementTwiceOrNothingPayable_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Batch(1, Row("lea", 1m), Row("lea", 2m)));
        Assert.Throws<ArgumentException>(() => Batch(1, Row("lea", 0m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch(0, Row("lea", 1m)));
    }

    [Fact]
    public void Create_NoRows_IsAnEmptyBatch()
    {
        var batch = Batch(1);

        Assert.Empty(batch.Rows);
        Assert.Empty(batch.Totals);
        Assert.Equal(Money.Zero(Currency.EUR), batch.TransferTotal);
    }
}
