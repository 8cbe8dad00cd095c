using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Storage.Statements;

/// <summary>
/// The one file that knows statement columns. Statements table, PartitionKey = creatorId; RowKeys:
/// "{period}|v{nnn}" header · "{period}|v{nnn}|b{build}|L{nnnn}" lines of one build attempt (only the attempt the header
/// names is the statement's; others are scaffolding of attempts that lost) · "{period}|v{nnn}|emitted" emitted marker ·
/// "{period}|blocked" why it could not be built · "balance" · "lease" · "src|…" settlement entries.
/// StatementsByPeriod, PartitionKey = period: "{creatorId}|v{nnn}" or "{creatorId}|blocked", and "{creatorId}|reissuing"
/// while a reissue may be committed and not yet emitted (never an index entry). Money in minor units.
/// </summary>
internal static class StatementRows
{
    public const string BalanceRow = "balance";

    /// <summary>Settlement entries ("src|…") sort after every statement row of the partition.</summary>
    public const string SettlementPrefix = "src|";
    private const string SupersededSuffix = "|superseded";
    private const char ListSeparator = '\n';

    public static string HeaderKey(StatementId id) => string.Create(CultureInfo.InvariantCulture, $"{id.Period}|v{id.Version:D3}");

    public static string LineKey(StatementId id, string buildId, int number) => string.Create(CultureInfo.InvariantCulture, $"{HeaderKey(id)}|b{buildId}|L{number:D4}");

    public static string EmittedKey(StatementId id) => $"{HeaderKey(id)}|emitted";

    public static string SupersededKey(StatementId id) => HeaderKey(id) + SupersededSuffix;

    /// <summary>The header key a superseded marker belongs to; null for any other row.</summary>
    public static string? SupersededHeaderKey(string rowKey) =>
        rowKey.EndsWith(SupersededSuffix, StringComparison.Ordinal) ? rowKey[..^SupersededSuffix.Length] : null;

    /// <summary>
    /// A creator's header, blocked and superseded rows after <paramref name="afterRowKey"/>: the service compares
    /// the columns only those rows have, so line and emitted rows never travel.
    /// </summary>
    public static string ListedFilter(string creatorId, string? afterRowKey) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {creatorId} and RowKey gt {afterRowKey ?? string.Empty} and RowKey lt {SettlementPrefix} and (StatementId ge {string.Empty} or SupersededBy ge {string.Empty} or Reasons ge {string.Empty})");

    /// <summary>Whether <paramref name="key"/> is a header's (<c>{period}|v{nnn}</c>) or a blocked period's (<c>{period}|blocked</c>).</summary>
    public static bool IsListedKey(string key) =>
        key.Split('|') is [var period, var rest] && PeriodKey.TryParse(period, out _)
        && (rest == "blocked" || (rest.Length == 4 && rest[0] == 'v' && rest[1..].All(char.IsAsciiDigit)));

    public static TableEntity Superseded(StatementId id, StatementId by, Instant at) =>
        new(id.CreatorId, SupersededKey(id)) { ["SupersededBy"] = by.ToString(), ["SupersededAt"] = at.ToDateTimeOffset() };

    /// <summary>
    /// A stored line as the statement had it (kind, description, amount, period, record, a deal's own commission rate):
    /// what a reissue diffs against and an agency statement splits the commission by.
    /// </summary>
    public static StatementLine ToLine(TableEntity row, Currency currency) => new()
    {
        Kind = Enum.Parse<LineKind>(row.GetString("Kind")),
        Revenue = row.GetString("Revenue") is { Length: > 0 } revenue ? Enum.Parse<Payouts.Domain.Contracts.RevenueType>(revenue) : null,
        Description = row.GetString("Description"),
        Amount = new Money(row.GetInt64("AmountMinor") ?? 0, currency),
        OriginalPeriod = PeriodKey.TryParse(row.GetString("OriginalPeriod"), out var original) ? original : null,
        RecordId = row.GetString("RecordId"),
        AgencyCommissionOverride = row.GetString("AgencyCommissionRate") is { Length: > 0 } rate ? new Payouts.Domain.Contracts.Share(decimal.Parse(rate, CultureInfo.InvariantCulture)) : null,
    };

    public static string BlockedKey(PeriodKey period) => $"{period}|blocked";

    public static string ByPeriodBlockedKey(string creatorId) => $"{creatorId}|blocked";

    private const string ReissuingSuffix = "|reissuing";

    public static string ReissuingKey(string creatorId) => creatorId + ReissuingSuffix;

    public static bool IsReissuing(TableEntity row) => row.RowKey.EndsWith(ReissuingSuffix, StringComparison.Ordinal);

    /// <summary>Only reissuing marks have this column: the filter of a period's marks.</summary>
    public static string ReissuingFilter(PeriodKey period) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()} and ReissuingStatementId ge {string.Empty}");

    public static TableEntity Reissuing(StatementId next) => new(next.Period.ToString(), ReissuingKey(next.CreatorId))
    {
        ["CreatorId"] = next.CreatorId,
        ["ReissuingStatementId"] = next.ToString(),
    };

    public static StatementId? ToReissuing(TableEntity row) =>
        StatementId.TryParse(row.GetString("ReissuingStatementId"), out var next) ? next : null;

    /// <summary>Who asked for a reissue and when, on its header (the reason is its <c>CorrectionReason</c>).</summary>
    public static TableEntity WithReissue(TableEntity header, string reissuedBy, Instant reissuedAt)
    {
        header["ReissuedBy"] = reissuedBy;
        header["ReissuedAt"] = reissuedAt.ToDateTimeOffset();
        return header;
    }

    public static TableEntity Header(Statement s, int recordCount, string buildId, string blobPrefix, IEnumerable<string> settled)
    {
        var totals = s.Totals!;
        return new TableEntity(s.CreatorId, HeaderKey(s.Id))
        {
            ["StatementId"] = s.Id.ToString(),
            ["Period"] = s.Period.ToString(),
            ["Version"] = s.Version,
            ["Status"] = s.Status.ToString(),
            ["Currency"] = s.Currency!.Code,
            ["AgencyId"] = s.AgencyId,
            ["ContractVersion"] = s.ContractVersion,
            ["Zone"] = s.Zone,
            ["ContentHash"] = s.ContentHash,
            ["IssuedAt"] = s.IssuedAt?.ToDateTimeOffset(),
            ["CorrectionReason"] = s.CorrectionReason,
            ["GiftsMinor"] = totals.Gifts.MinorUnits,
            ["DealsMinor"] = totals.Deals.MinorUnits,
            ["BonusesMinor"] = totals.Bonuses.MinorUnits,
            ["AgencyCommissionMinor"] = totals.AgencyCommission.MinorUnits,
            ["WithholdingMinor"] = totals.Withholding.MinorUnits,
            ["NetMinor"] = totals.Net.MinorUnits,
            ["BroughtForwardMinor"] = totals.BroughtForward.MinorUnits,
            ["PayableMinor"] = totals.Payable.MinorUnits,
            ["CarriedForwardMinor"] = totals.CarriedForward.MinorUnits,
            ["LineCount"] = s.Lines.Count,
            ["RecordCount"] = recordCount,
            ["BuildId"] = buildId,
            ["BlobPrefix"] = blobPrefix,
            ["Settled"] = string.Join(ListSeparator, settled),
            ["Supersedes"] = s.Supersedes,
            ["PayableDifferenceMinor"] = s.PayableDifference?.MinorUnits,
            ["Formats"] = string.Join(',', StatementFormats.Issued),
        };
    }

    public static bool IsHeader(TableEntity row) => row.ContainsKey("StatementId") && row.ContainsKey("BuildId");

    public static StatementHeader ToHeader(TableEntity row)
    {
        var id = StatementId.TryParse(row.GetString("StatementId"), out var parsed) ? parsed : throw new InvalidDataException($"Bad statement id in {row.PartitionKey}/{row.RowKey}.");
        return new StatementHeader(
            id,
            Enum.Parse<StatementStatus>(row.GetString("Status")),
            Currency.FromCode(row.GetString("Currency")),
            row.GetString("AgencyId"),
            row.GetString("ContractVersion"),
            row.GetString("Zone"),
            row.GetString("ContentHash"),
            row.GetDateTimeOffset("IssuedAt") is { } issued ? Instant.FromDateTimeOffset(issued) : null,
            new StatementHeaderTotals(
                Minor(row, "GiftsMinor"),
                Minor(row, "DealsMinor"),
                Minor(row, "BonusesMinor"),
                Minor(row, "AgencyCommissionMinor"),
                Minor(row, "WithholdingMinor"),
                Minor(row, "NetMinor"),
                Minor(row, "BroughtForwardMinor"),
                Minor(row, "PayableMinor"),
                Minor(row, "CarriedForwardMinor")),
            row.GetInt32("LineCount") ?? 0,
            row.GetInt32("RecordCount") ?? 0,
            row.GetString("BuildId"),
            row.GetString("BlobPrefix"),
            row.GetString("Settled") is { Length: > 0 } settled ? settled.Split(ListSeparator) : [])
        {
            Supersedes = row.GetInt32("Supersedes"),
            CorrectionReason = row.GetString("CorrectionReason"),
            PayableDifference = row.GetInt64("PayableDifferenceMinor"),
            ReissuedBy = row.GetString("ReissuedBy"),
            ReissuedAt = row.GetDateTimeOffset("ReissuedAt") is { } reissued ? Instant.FromDateTimeOffset(reissued) : null,

            // Headers written before PDFs were stored have no list: their documents are the three of then.
            Formats = row.GetString("Formats") is { Length: > 0 } formats ? formats.Split(',') : StatementFormats.BeforePdf,
        };
    }

    public static TableEntity Line(Statement s, string buildId, int index)
    {
        var line = s.Lines[index];
        return new TableEntity(s.CreatorId, LineKey(s.Id, buildId, index + 1))
        {
            ["Kind"] = line.Kind.ToString(),
            ["Revenue"] = line.Revenue?.ToString(),
            ["Description"] = line.Description,
            ["AmountMinor"] = line.Amount.MinorUnits,
            ["OriginalPeriod"] = line.OriginalPeriod?.ToString(),
            ["Records"] = line.Sources.Records,
            ["Gifts"] = line.Sources.Gifts,
            ["Refunds"] = line.Sources.Refunds,
            ["Coins"] = line.Coins?.Value,
            ["Diamonds"] = line.Diamonds is { } d ? StatementJson.FormatDecimal(d.Value) : null,
            ["Usd"] = line.Usd is { } usd ? StatementJson.FormatDecimal(usd) : null,
            ["RecordId"] = line.RecordId,
            ["AgencyCommissionRate"] = line.AgencyCommissionOverride is { } own ? StatementJson.FormatDecimal(own.Value) : null,
            ["Rates"] = string.Join("; ", line.Rates.Select(r => $"{r.Name}={r.VersionId}:{StatementJson.FormatDecimal(r.Value)}")),
        };
    }

    public static TableEntity Balance(Statement s) => new(s.CreatorId, BalanceRow)
    {
        ["CarriedForwardMinor"] = s.Totals!.CarriedForward.MinorUnits,
        ["Currency"] = s.Currency!.Code,
        ["LastStatementId"] = s.Id.ToString(),
        ["LastPeriod"] = s.Period.ToString(),
    };

    public static CreatorBalance ToBalance(TableEntity row) => new(
        new Money(row.GetInt64("CarriedForwardMinor") ?? 0, Currency.FromCode(row.GetString("Currency"))),
        PeriodKey.Parse(row.GetString("LastPeriod")),
        row.ETag.ToString())
    {
        LastStatementId = StatementId.TryParse(row.GetString("LastStatementId"), out var last) ? last : null,
    };

    public static TableEntity Emitted(StatementId id, Instant at) => new(id.CreatorId, EmittedKey(id)) { ["EmittedAt"] = at.ToDateTimeOffset() };

    public static TableEntity Blocked(string creatorId, PeriodKey period, IReadOnlyList<BlockReason> reasons) => new(creatorId, BlockedKey(period))
    {
        ["Period"] = period.ToString(),
        ["Reasons"] = BlockColumns.Messages(reasons),
        [BlockColumns.Column] = BlockColumns.Write(reasons),
    };

    public static TableEntity ByPeriodBlocked(string creatorId, PeriodKey period, IReadOnlyList<BlockReason> reasons) => new(period.ToString(), ByPeriodBlockedKey(creatorId))
    {
        ["CreatorId"] = creatorId,
        ["Status"] = nameof(StatementStatus.Blocked),
        ["Reasons"] = BlockColumns.Messages(reasons),
        [BlockColumns.Column] = BlockColumns.Write(reasons),
    };

    public static (PeriodKey Period, IReadOnlyList<BlockReason> Reasons)? ToBlocked(TableEntity row) =>
        row.RowKey.EndsWith("|blocked", StringComparison.Ordinal) && PeriodKey.TryParse(row.GetString("Period"), out var period)
            ? (period, BlockColumns.Read(row.GetString(BlockColumns.Column), row.GetString("Reasons")))
            : null;

    /// <summary>The per-period index row, copied from the committed header.</summary>
    public static TableEntity ByPeriod(StatementHeader header) => new(
        header.Period.ToString(),
        string.Create(CultureInfo.InvariantCulture, $"{header.CreatorId}|v{header.Id.Version:D3}"))
    {
        ["StatementId"] = header.Id.ToString(),
        ["CreatorId"] = header.CreatorId,
        ["Status"] = header.Status.ToString(),
        ["Currency"] = header.Currency.Code,
        ["NetMinor"] = header.Totals.Net,
        ["PayableMinor"] = header.Totals.Payable,
        ["CarriedForwardMinor"] = header.Totals.CarriedForward,
        ["RecordCount"] = header.RecordCount,
        ["ContentHash"] = header.ContentHash,
        ["AgencyId"] = header.AgencyId,
    };

    public static StatementIndexEntry ToIndexEntry(TableEntity row) => new(
        PeriodKey.Parse(row.PartitionKey),
        row.GetString("CreatorId"),
        row.GetString("Status"),
        row.GetString("StatementId"),
        row.GetString("Currency"),
        row.GetInt64("NetMinor") ?? 0,
        row.GetInt64("PayableMinor") ?? 0,
        row.GetInt64("CarriedForwardMinor") ?? 0,
        row.GetInt32("RecordCount") ?? 0,
        BlockColumns.Read(row.GetString(BlockColumns.Column), row.GetString("Reasons")))
    {
        AgencyId = row.GetString("AgencyId"),
        ContentHash = row.GetString("ContentHash"),
    };

    private static long Minor(TableEntity row, string column) => row.GetInt64(column) ?? 0;
}
