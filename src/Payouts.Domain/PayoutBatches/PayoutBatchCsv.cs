using System.Globalization;
using System.Text;
using NodaTime.Text;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Statements.Rendering;

namespace Payouts.Domain.PayoutBatches;

/// <summary>
/// The batch for spreadsheets, in the statements' CSV conventions (RFC 4180, formula-safe cells, UTF-8 with a BOM):
/// a key/value header, one row per payable statement with its masked account and whether the transfer file pays it
/// (and under which end-to-end id, or why not), what earlier versions already did for it and what this version's file
/// transfers, then the blocked creators (not paid in this batch, with their block codes), the totals per currency and
/// the file's own totals.
/// </summary>
public static class PayoutBatchCsv
{
    public static byte[] ToUtf8(PayoutBatch batch) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToCsv(batch))];

    public static string ToCsv(PayoutBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var csv = new StringBuilder();
        CsvCells.Row(csv, "period", batch.Period.ToString());
        CsvCells.Row(csv, "version", Number(batch.Version));
        CsvCells.Row(csv, "messageId", batch.MessageId);
        CsvCells.Row(csv, "createdAt", InstantPattern.ExtendedIso.Format(batch.CreatedAt));
        CsvCells.Row(csv, "executionDate", LocalDatePattern.Iso.Format(batch.ExecutionDate));
        CsvCells.Row(csv, "rows", Number(batch.Rows.Count));
        CsvCells.Row(csv, "blocked", Number(batch.Blocked.Count));
        CsvCells.Row(csv);
        CsvCells.Row(csv, "statementId", "creatorId", "currency", "payable", "method", "account", "inTransferFile", "endToEndId", "excludedBecause", "alreadyBatchedIn", "alreadyTransferred", "toTransfer", "blockCodes");
        var exclusions = batch.Exclusions.ToDictionary(e => e.Row);
        foreach (var row in batch.Rows)
        {
            var exclusion = exclusions.GetValueOrDefault(row);
            CsvCells.Row(
                csv,
                CsvCells.Text(row.StatementId.ToString()),
                CsvCells.Text(row.CreatorId),
                row.Currency.Code,
                row.Payable.ToAmountString(),
                PayoutMethodNames.Of(row.Method),
                row.Details?.MaskedAccount,
                exclusion is null ? "yes" : "no",
                exclusion is null ? CsvCells.Text(EndToEndId.For(row.StatementId)) : null,
                exclusion?.Code,
                row.AlreadyBatchedIn is { } batchedIn ? Number(batchedIn) : null,
                row.AlreadyTransferred.ToAmountString(),
                exclusion is null ? row.ToTransfer.ToAmountString() : null,
                null);
        }

        foreach (var blocked in batch.Blocked)
        {
            CsvCells.Row(csv, null, CsvCells.Text(blocked.CreatorId), null, null, null, null, "no", null, TransferExclusionCodes.StatementBlocked, null, null, null, CsvCells.Text(string.Join(' ', blocked.Codes)));
        }

        CsvCells.Row(csv);
        foreach (var total in batch.Totals)
        {
            CsvCells.Row(csv, "total", total.Currency.Code, Number(total.Count), total.Total.ToAmountString());
        }

        CsvCells.Row(csv, "transferFile", batch.TransferTotal.Currency.Code, Number(batch.Transfers.Count), batch.TransferTotal.ToAmountString());
        CsvCells.Row(csv, "alreadyTransferred", batch.AlreadyTransferredTotal.Currency.Code, null, batch.AlreadyTransferredTotal.ToAmountString());
        return csv.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
