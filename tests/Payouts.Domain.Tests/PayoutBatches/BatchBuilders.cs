using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;

namespace Payouts.Domain.Tests.PayoutBatches;

/// <summary>Rows, details and batches for November 2026 in Europe/Paris (<see cref="Builders.Paris"/>).</summary>
internal static class BatchBuilders
{
    public static readonly PayoutDebtor Debtor = new(AccountHolderName.Parse("Payouts Platform SAS"), Iban.Parse("FR1420041010050500013M02606"), Bic.Parse("PSSTFRPPXXX"));

    public static CreatorPayoutDetails Sepa(string creatorId, string iban, string holder, string? bic = null) =>
        new(creatorId, PayoutMethod.Sepa, Iban.Parse(iban), bic is null ? null : Bic.Parse(bic), AccountHolderName.Parse(holder));

    public static CreatorPayoutDetails Manual(string creatorId, string holder, string? iban = null) =>
        new(creatorId, PayoutMethod.Manual, iban is null ? null : Iban.Parse(iban), null, AccountHolderName.Parse(holder));

    public static PayoutBatchRow Row(string creatorId, decimal payable, CreatorPayoutDetails? details = null, string currency = "EUR", int version = 1, PeriodKey? period = null) =>
        new(new StatementId(creatorId, period ?? Builders.November, version), Money.Round(payable, Currency.FromCode(currency)), details);

    public static PayoutBatch Batch(int version, params PayoutBatchRow[] rows) => PayoutBatch.Create(Builders.Paris, Builders.November, version, rows);

    /// <summary>The golden batch: every way a row can be paid or left out of the transfer file.</summary>
    public static PayoutBatch GoldenBatch() => Batch(
        2,
        Row("lea", 503.17m, Sepa("lea", "FR7630006000011234567890189", "Léa Martin", "BNPAFRPP"), version: 2),
        Row("@chloe", 120.00m, Sepa("@chloe", "DE89 3704 0044 0532 0130 00", "Chloé Dubois")),
        Row("tom", 80.50m, Sepa("tom", "GB29NWBK60161331926819", "Tom Baker"), currency: "GBP"),
        Row("ana", 75.00m),
        Row("marco", 60.00m, Manual("marco", "Marco Rossi", "IT60X0542811101000000123456")),
        Row("yuki", 12000m, Manual("yuki", "Yuki Tanaka"), currency: "JPY"),
        Row("creator-with-a-very-long-id-0123456789", 1234.56m, Sepa("creator-with-a-very-long-id-0123456789", "NL91ABNA0417164300", "Jan de Vries", "ABNANL2A")),
        Row("-sum", 0.01m, Sepa("-sum", "BE68539007547034", "Sum Corp")));

    /// <summary>
    /// The golden delta: version 2 after a version 1 that paid lea 26.50 and chloe 120.00, with jonas blocked. Now lea's
    /// reissue pays 27.10 (0.60 more), chloe's pays 119.40 (0.60 less: nothing), jonas is issued (85.00 in full), and
    /// ana is blocked.
    /// </summary>
    public static PayoutBatch GoldenDelta()
    {
        var lea = Sepa("lea", "FR7630006000011234567890189", "Léa Martin", "BNPAFRPP");
        var chloe = Sepa("@chloe", "DE89 3704 0044 0532 0130 00", "Chloé Dubois");
        var jonas = Sepa("jonas", "DE02120300000000202051", "Jonas Keller");
        var v1 = PayoutBatch.Next(Builders.Paris, Builders.November, null, [Row("lea", 26.50m, lea), Row("@chloe", 120.00m, chloe)], [BlockedCreator.Of("jonas", ["no-contract", "missing-rate"])]);
        return PayoutBatch.Next(
            Builders.Paris,
            Builders.November,
            v1,
            [Row("lea", 27.10m, lea, version: 2), Row("@chloe", 119.40m, chloe, version: 2), Row("jonas", 85.00m, jonas)],
            [BlockedCreator.Of("ana", ["no-contract"])]);
    }
}
