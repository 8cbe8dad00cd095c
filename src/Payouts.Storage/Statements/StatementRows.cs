using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Storage.Statements;

/// <summary>
/// Statement rows. Statements table: PartitionKey = creatorId; RowKey "{period}|v{nnn}" (header),
/// "{period}|v{nnn}|L{nnnn}" (lines), "{period}|blocked" (why it could not be built) and "balance" (the carried-forward
/// balance and the last statement). Money is stored in minor units (Int64) with the currency beside it.
/// </summary>
internal static class StatementRows
{
    public const string BalanceRow = "balance";

    public static string HeaderKey(StatementId id) => string.Create(CultureInfo.InvariantCulture, $"{id.Period}|v{id.Version:D3}");

    public static string LineKey(StatementId id, int number) => string.Create(CultureInfo.InvariantCulture, $"{HeaderKey(id)}|L{number:D4}");

    public static string BlockedKey(Domain.Periods.PeriodKey period) => BlockedKey(period.ToString());

    public static string BlockedKey(string period) => $"{period}|blocked";

    public static string ByPeriodBlockedKey(string creatorId) => $"{creatorId}|blocked";

    public static TableEntity Header(Statement s, int recordCount, string blobPrefix)
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
            ["BlobPrefix"] = blobPrefix,
            ["Emitted"] = false,
        };
    }

    public static TableEntity Line(Statement s, int index)
    {
        var line = s.Lines[index];
        return new TableEntity(s.CreatorId, LineKey(s.Id, index + 1))
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

    /// <summary>The per-period index row, copied from the committed header.</summary>
    public static TableEntity ByPeriod(TableEntity header) => new(
        header.GetString("Period"),
        string.Create(CultureInfo.InvariantCulture, $"{header.PartitionKey}|v{header.GetInt32("Version"):D3}"))
    {
        ["StatementId"] = header.GetString("StatementId"),
        ["CreatorId"] = header.PartitionKey,
        ["Status"] = header.GetString("Status"),
        ["Currency"] = header.GetString("Currency"),
        ["NetMinor"] = header.GetInt64("NetMinor"),
        ["PayableMinor"] = header.GetInt64("PayableMinor"),
        ["CarriedForwardMinor"] = header.GetInt64("CarriedForwardMinor"),
        ["RecordCount"] = header.GetInt32("RecordCount"),
        ["ContentHash"] = header.GetString("ContentHash"),
    };

    public static DateTimeOffset? At(Instant? instant) => instant?.ToDateTimeOffset();
}
