using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Periods;
using Payouts.Domain.Statements;
using Payouts.Functions.Http;
using Payouts.Storage.Ingestion;
using Payouts.Storage.Periods;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Admin;

/// <summary>Close a period on demand (the timer's code path) and the reconciliation view of one period.</summary>
public sealed class PeriodHandler(PeriodCloser closer, PeriodStore periods, StatementStore statements, TableServiceClient tables, PeriodCalendar calendar)
{
    public async Task<IActionResult> CloseAsync(string periodText, bool force, CancellationToken ct)
    {
        if (ParsePeriod(periodText) is not { } period)
        {
            return BadPeriod(periodText);
        }

        var outcome = await closer.CloseAsync(period, force, ct);
        return outcome.Result is CloseResult.StillRunning or CloseResult.NotDue
            ? new ProblemResult(StatusCodes.Status409Conflict, "period-not-due", "The period cannot be closed yet.", outcome.Detail!)
            : BytesResult.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("period", period.ToString());
                w.WriteString("result", JsonNamingPolicy.CamelCase.ConvertName(outcome.Result.ToString()));
                w.WriteNumber("creators", outcome.Creators);
                w.WriteEndObject();
            });
    }

    /// <summary>Status, records stored against records counted, and statements by status with payable totals per currency.</summary>
    public async Task<IActionResult> GetAsync(string periodText, CancellationToken ct)
    {
        if (ParsePeriod(periodText) is not { } period)
        {
            return BadPeriod(periodText);
        }

        var state = await periods.GetAsync(period, ct);
        var rows = await statements.ListByPeriodAsync(period, ct);
        var records = await CountStoredAsync(period, ct);
        var headers = rows.Where(r => r.ContainsKey("StatementId")).ToList();
        var counted = headers.Sum(h => (long)(h.GetInt32("RecordCount") ?? 0));

        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("period", period.ToString());
            w.WriteString("zone", calendar.Zone.Id);
            w.WriteString("status", state?.Status.ToString() ?? "Unknown");
            w.WriteString("dueAt", calendar.DueAt(period).ToString());
            w.WriteBoolean("forced", state?.Forced ?? false);
            w.WriteNumber("creatorsVisited", state?.CreatorsVisited ?? 0);
            w.WriteStartObject("records");
            w.WriteNumber("stored", records.Stored);
            w.WriteNumber("countedInThisPeriod", records.SettledHere);
            w.WriteNumber("countedLaterAsAdjustments", records.SettledLater);
            w.WriteNumber("notYetCounted", records.Unsettled);
            w.WriteNumber("countedByThisPeriodsStatements", counted);
            w.WriteEndObject();
            w.WriteStartObject("statements");
            foreach (var group in rows.GroupBy(r => r.GetString("Status")).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(group.Key), group.Count());
            }

            w.WriteEndObject();
            w.WriteStartObject("payable");
            foreach (var currency in headers.GroupBy(h => h.GetString("Currency")).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var money = new Domain.Monetary.Money(currency.Sum(h => h.GetInt64("PayableMinor") ?? 0), Domain.Monetary.Currency.FromCode(currency.Key));
                w.WriteString(currency.Key, money.ToAmountString());
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>The period's own records, by where they were counted: its statements, a later one, or not yet.</summary>
    private async Task<RecordReconciliation> CountStoredAsync(PeriodKey period, CancellationToken ct)
    {
        var creators = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var mark in tables.GetTableClient(TableNames.Activity).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period.ToString()}"), select: ["CreatorId", "RecordPeriod"], cancellationToken: ct))
        {
            if (mark.GetString("RecordPeriod") == period.ToString())
            {
                creators.Add(mark.GetString("CreatorId"));
            }
        }

        var counts = new RecordReconciliation();
        foreach (var table in new[] { TableNames.Gifts, TableNames.Deals })
        {
            foreach (var creator in creators)
            {
                var partition = TableKeys.Compose(creator, period.ToString());
                var ownStatement = new StatementId(creator, period, 1).ToString();
                await foreach (var row in tables.GetTableClient(table).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: [RecordColumns.SettledIn], cancellationToken: ct))
                {
                    counts.Add(row.GetString(RecordColumns.SettledIn), ownStatement);
                }
            }
        }

        return counts;
    }

    private PeriodKey? ParsePeriod(string text) => PeriodKey.TryParse(text, out var period) && period.Kind == calendar.Kind ? period : null;

    private ProblemResult BadPeriod(string text) =>
        ProblemResult.BadRequest($"'{text}' is not a {calendar.Kind} period key (e.g. {(calendar.Kind == PeriodKind.Monthly ? "2026-11" : "2026-W48")}).");
}
