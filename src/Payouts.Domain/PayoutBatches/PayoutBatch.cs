using System.Globalization;
using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Periods;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// Every payable statement of one closed period, as the finance team pays it: one row per statement, sorted by
/// statement id (ordinal), so the same statements and details always give the same rows and the same files, and the
/// creators whose statements are blocked (not paid in this batch, with their block codes). A new version follows an
/// earlier one when what it lists changes (a statement reissued, unblocked or built late, payout details changed); it
/// lists every current row again, so it reads on its own, but its transfer file is a delta: each row pays only what
/// earlier versions' files did not already transfer to its creator (<see cref="Next"/>). Earlier versions stay as they
/// were. Its message id, creation time and execution date come from the period and the version, never from a clock.
/// </summary>
public sealed record PayoutBatch
{
    /// <summary>The EPC's limit for one SEPA credit transfer: a larger payable is paid by hand.</summary>
    public static readonly Money SepaMaximum = new(99_999_999_999, Currency.EUR);

    private PayoutBatch(PeriodKey period, int version, IReadOnlyList<PayoutBatchRow> rows, IReadOnlyList<BlockedCreator> blocked, Instant createdAt, LocalDate executionDate)
    {
        Period = period;
        Version = version;
        Rows = rows;
        Blocked = blocked;
        CreatedAt = createdAt;
        ExecutionDate = executionDate;
        Exclusions = [.. rows.Select(ExclusionOf).OfType<TransferExclusion>()];
        var excluded = Exclusions.Select(e => e.Row).ToHashSet();
        Transfers = [.. rows.Where(r => !excluded.Contains(r))];
        Totals = [.. rows.GroupBy(r => r.Currency.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotal(g.First().Currency, g.Count(), g.Aggregate(Money.Zero(g.First().Currency), (sum, r) => sum + r.Payable)))];
        TransferTotal = Transfers.Aggregate(Money.Zero(Currency.EUR), (sum, r) => sum + r.ToTransfer);
        AlreadyTransferredTotal = rows.Where(r => r.Currency == Currency.EUR).Aggregate(Money.Zero(Currency.EUR), (sum, r) => sum + r.AlreadyTransferred);
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

    /// <summary>The creators whose statements are blocked, sorted by creator id: listed, not paid in this batch.</summary>
    public IReadOnlyList<BlockedCreator> Blocked { get; }

    /// <summary>
    /// The rows the credit-transfer file pays, each its <see cref="PayoutBatchRow.ToTransfer"/>: EUR, SEPA method, a
    /// SEPA IBAN, within the SEPA maximum, and something left to transfer after earlier versions.
    /// </summary>
    public IReadOnlyList<PayoutBatchRow> Transfers { get; }

    public IReadOnlyList<TransferExclusion> Exclusions { get; }

    public IReadOnlyList<CurrencyTotal> Totals { get; }

    /// <summary>What the file pays in all: its control sum (only what earlier versions did not transfer).</summary>
    public Money TransferTotal { get; }

    /// <summary>What earlier versions' files already transferred to the creators of this version's EUR rows.</summary>
    public Money AlreadyTransferredTotal { get; }

    /// <summary>Unique per period and version (35 characters at most): banks refuse a file whose id they have seen.</summary>
    public string MessageId => string.Create(CultureInfo.InvariantCulture, $"PAYOUTS-{Period}-V{Version}");

    public static PayoutBatch Create(PeriodCalendar calendar, PeriodKey period, int version, IEnumerable<PayoutBatchRow> rows, IEnumerable<BlockedCreator>? blocked = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var sorted = rows.OrderBy(r => r.StatementId.ToString(), StringComparer.Ordinal).ToList();
        if (sorted.Select(r => r.StatementId).Distinct().Count() != sorted.Count)
        {
            throw new ArgumentException("A statement is paid at most once in a batch.", nameof(rows));
        }

        // A row pays something, or (a reissue to nothing payable) says what earlier versions transferred.
        if (sorted.Any(r => r.Payable.MinorUnits < 0 || (r.Payable.MinorUnits == 0 && r.AlreadyTransferredMinor <= 0) || r.AlreadyTransferredMinor < 0))
        {
            throw new ArgumentException("A batch lists only statements with something payable or already transferred.", nameof(rows));
        }

        var blockedSorted = (blocked ?? []).OrderBy(b => b.CreatorId, StringComparer.Ordinal).ToList();
        if (blockedSorted.Select(b => b.CreatorId).Distinct(StringComparer.Ordinal).Count() != blockedSorted.Count
            || blockedSorted.Any(b => sorted.Any(r => string.Equals(r.CreatorId, b.CreatorId, StringComparison.Ordinal))))
        {
            throw new ArgumentException("A blocked creator is listed once, and has no row.", nameof(blocked));
        }

        var due = calendar.DueAt(period);
        return new PayoutBatch(period, version, sorted, blockedSorted, due + Duration.FromMinutes(version - 1), calendar.LocalDateOf(due));
    }

    /// <summary>
    /// The version after <paramref name="previous"/> (or the first): the rows as given, each told what earlier versions
    /// did (the version that first listed its statement; what their files transferred to its creator, and the last one
    /// that did), so its transfer file pays only the rest. A creator <paramref name="previous"/> transferred to should
    /// keep a row (its current statement, even at nothing payable), or the next versions forget that transfer.
    /// </summary>
    public static PayoutBatch Next(PeriodCalendar calendar, PeriodKey period, PayoutBatch? previous, IEnumerable<PayoutBatchRow> rows, IEnumerable<BlockedCreator>? blocked = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (previous is not null && previous.Period != period)
        {
            throw new ArgumentException($"Version {previous.Version} is of {previous.Period}, not {period}.", nameof(previous));
        }

        var transferred = previous?.TransferredSoFar() ?? new Dictionary<string, (Money? Total, int? LastIn)>();
        var batchedIn = previous?.Rows.ToDictionary(r => r.StatementId, r => r.AlreadyBatchedIn ?? previous.Version) ?? new Dictionary<Payouts.Domain.Statements.StatementId, int>();
        var annotated = rows.Select(r =>
        {
            var so = transferred.GetValueOrDefault(r.CreatorId);
            var sameCurrency = so.Total is { } total && total.Currency == r.Currency;
            return r with
            {
                AlreadyBatchedIn = batchedIn.TryGetValue(r.StatementId, out var first) ? first : null,
                AlreadyTransferredMinor = sameCurrency ? so.Total!.Value.MinorUnits : 0,
                LastTransferredIn = sameCurrency ? so.LastIn : null,
            };
        });
        return Create(calendar, period, (previous?.Version ?? 0) + 1, annotated, blocked);
    }

    /// <summary>Per creator, what this version's and earlier versions' transfer files paid, and the last version that did.</summary>
    public IReadOnlyDictionary<string, (Money? Total, int? LastIn)> TransferredSoFar()
    {
        var transfers = Transfers.ToHashSet();
        return Rows.Where(r => r.AlreadyTransferredMinor > 0 || transfers.Contains(r)).ToDictionary(
            r => r.CreatorId,
            r => transfers.Contains(r) ? ((Money?)(r.AlreadyTransferred + r.ToTransfer), (int?)Version) : (r.AlreadyTransferred, r.LastTransferredIn),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether <paramref name="other"/> lists the same statements at the same amounts to the same accounts and the same
    /// blocked creators (what earlier versions transferred aside: that is what makes a next version a delta).
    /// </summary>
    public bool PaysTheSameAs(PayoutBatch other) =>
        other is not null && Period == other.Period
        && Rows.Count == other.Rows.Count && Rows.Zip(other.Rows).All(p => p.First.PaysTheSameAs(p.Second))
        && Blocked.Count == other.Blocked.Count && Blocked.Zip(other.Blocked).All(p => p.First.SameAs(p.Second));

    private static TransferExclusion? ExclusionOf(PayoutBatchRow row) => row switch
    {
        { Currency.Code: not "EUR" } => new(row, TransferExclusionCodes.NotEur, $"paid in {row.Currency.Code}: a SEPA credit transfer is in EUR only"),
        { Details: null } => new(row, TransferExclusionCodes.NoPayoutDetails, "the creator has no payout details: PUT /api/creators/{creatorId}/payout-details"),
        { Method: PayoutMethod.Manual } => new(row, TransferExclusionCodes.ManualMethod, "the creator's payout method is manual"),
        { Details.Iban.IsSepa: false } => new(row, TransferExclusionCodes.OutsideSepa, "the IBAN is outside the SEPA area"),
        _ when row.ToTransfer > SepaMaximum => new(row, TransferExclusionCodes.AboveSepaMaximum, $"above the SEPA maximum of {SepaMaximum} for one transfer"),
        { ToTransfer.IsZero: true } => new(row, TransferExclusionCodes.AlreadyTransferred, $"already transferred {row.AlreadyTransferred.ToAmountString()} in version {row.LastTransferredIn}: nothing more to pay"),
        { ToTransfer.IsNegative: true } => new(
            row,
            TransferExclusionCodes.ReissuePaysLess,
            $"already transferred {row.AlreadyTransferred.ToAmountString()} in version {row.LastTransferredIn}; the reissue pays {row.ToTransfer.Negate().ToAmountString()} less: "
                + "not recovered automatically (the next statement brings forward the reissue's balance, not the overpayment): recover it from the creator by hand"),
        _ => null,
    };
}
