using System.Globalization;
using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Periods;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// Every payable statement of one closed period, as the finance team pays it: one row per statement, sorted by
/// statement id (ordinal), so the same statements and details always give the same rows and the same files. A new
/// version replaces an earlier one when what it pays changes (a reissued statement, say); earlier versions stay as they
/// were. Its message id, creation time and execution date come from the period and the version, never from a clock.
/// </summary>
public sealed record PayoutBatch
{
    /// <summary>The EPC's limit for one SEPA credit transfer: a larger payable is paid by hand.</summary>
    public static readonly Money SepaMaximum = new(99_999_999_999, Currency.EUR);

    private PayoutBatch(PeriodKey period, int version, IReadOnlyList<PayoutBatchRow> rows, Instant createdAt, LocalDate executionDate)
    {
        Period = period;
        Version = version;
        Rows = rows;
        CreatedAt = createdAt;
        ExecutionDate = executionDate;
        Exclusions = [.. rows.Select(ExclusionOf).OfType<TransferExclusion>()];
        var excluded = Exclusions.Select(e => e.Row).ToHashSet();
        Transfers = [.. rows.Where(r => !excluded.Contains(r))];
        Totals = [.. rows.GroupBy(r => r.Currency.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotal(g.First().Currency, g.Count(), g.Aggregate(Money.Zero(g.First().Currency), (sum, r) => sum + r.Payable)))];
        TransferTotal = Transfers.Aggregate(Money.Zero(Currency.EUR), (sum, r) => sum + r.Payable);
    }

    public PeriodKey Period { get; }

    public int Version { get; }

    public IReadOnlyList<PayoutBatchRow> Rows { get; }

    /// <summary>
    /// The file's creation time: the period's due time plus a minute per version after the first, so versions are
    /// ordered and a regenerated file is byte-identical. A label, not the moment it was built.
    /// </summary>
    public Instant CreatedAt { get; }

    /// <summary>The day the transfers are asked for: the day the period became due, in the period's zone.</summary>
    public LocalDate ExecutionDate { get; }

    /// <summary>The rows the credit-transfer file pays: EUR, SEPA method, a SEPA IBAN, within the SEPA maximum.</summary>
    public IReadOnlyList<PayoutBatchRow> Transfers { get; }

    public IReadOnlyList<TransferExclusion> Exclusions { get; }

    public IReadOnlyList<CurrencyTotal> Totals { get; }

    /// <summary>What the file pays in all: its control sum.</summary>
    public Money TransferTotal { get; }

    /// <summary>Unique per period and version (35 characters at most): banks refuse a file whose id they have seen.</summary>
    public string MessageId => string.Create(CultureInfo.InvariantCulture, $"PAYOUTS-{Period}-V{Version}");

    public static PayoutBatch Create(PeriodCalendar calendar, PeriodKey period, int version, IEnumerable<PayoutBatchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var sorted = rows.OrderBy(r => r.StatementId.ToString(), StringComparer.Ordinal).ToList();
        if (sorted.Select(r => r.StatementId).Distinct().Count() != sorted.Count)
        {
            throw new ArgumentException("A statement is paid at most once in a batch.", nameof(rows));
        }

        if (sorted.Any(r => r.Payable.MinorUnits <= 0))
        {
            throw new ArgumentException("A batch pays only statements with something payable.", nameof(rows));
        }

        var due = calendar.DueAt(period);
        return new PayoutBatch(period, version, sorted, due + Duration.FromMinutes(version - 1), calendar.LocalDateOf(due));
    }

    /// <summary>Whether <paramref name="other"/> pays the same statements the same amounts to the same accounts.</summary>
    public bool PaysTheSameAs(PayoutBatch other) => other is not null && Period == other.Period && Rows.SequenceEqual(other.Rows);

    private static TransferExclusion? ExclusionOf(PayoutBatchRow row) => row switch
    {
        { Currency.Code: not "EUR" } => new(row, TransferExclusionCodes.NotEur, $"paid in {row.Currency.Code}: a SEPA credit transfer is in EUR only"),
        { Details: null } => new(row, TransferExclusionCodes.NoPayoutDetails, "the creator has no payout details: PUT /api/creators/{creatorId}/payout-details"),
        { Method: PayoutMethod.Manual } => new(row, TransferExclusionCodes.ManualMethod, "the creator's payout method is manual"),
        { Details.Iban.IsSepa: false } => new(row, TransferExclusionCodes.OutsideSepa, "the IBAN is outside the SEPA area"),
        _ when row.Payable > SepaMaximum => new(row, TransferExclusionCodes.AboveSepaMaximum, $"above the SEPA maximum of {SepaMaximum} for one transfer"),
        _ => null,
    };
}
