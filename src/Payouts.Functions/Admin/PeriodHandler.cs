using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Payouts.Domain.Periods;
using Payouts.Functions.Http;
using Payouts.Storage.Periods;
using Payouts.Storage.Statements;
using Payouts.Application.Agencies;
using Payouts.Application.Periods;
using Payouts.Application.Statements;

namespace Payouts.Functions.Admin;

/// <summary>
/// Close a period on demand (the timer's code path; on a closed period: its blocked statements rebuilt and its agency
/// statements looked at again) and the reconciliation view of one period.
/// </summary>
public sealed class PeriodHandler(PeriodCloser closer, AgencyStatementIssuer agencies, PeriodStore periods, StatementStore statements, PeriodReconciliation reconciliation, PeriodCalendar calendar)
{
    public async Task<IActionResult> CloseAsync(string periodText, bool force, CancellationToken ct)
    {
        if (PeriodRoute.Parse(periodText, calendar) is not { } period)
        {
            return PeriodRoute.Bad(periodText, calendar);
        }

        var outcome = await closer.CloseAsync(period, force, ct);
        var agencyVersions = outcome.Result == CloseResult.AlreadyClosed
            ? (await agencies.RefreshPeriodAsync(period, ct)).Count(o => o.Result == AgencyIssueResult.Issued)
            : 0;
        return outcome.Result is CloseResult.StillRunning or CloseResult.NotDue
            ? new ProblemResult(StatusCodes.Status409Conflict, ProblemTypes.PeriodNotDue, "The period cannot be closed yet.", outcome.Detail!)
            : BytesResult.Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("period", period.ToString());
                w.WriteString("result", JsonNamingPolicy.CamelCase.ConvertName(outcome.Result.ToString()));
                w.WriteNumber("creators", outcome.Creators);
                w.WriteNumber("agencyStatementsReissued", agencyVersions);
                w.WriteEndObject();
            });
    }

    /// <summary>Status, records stored against records counted, refunds waiting for their gift, and statements by status with payable totals per currency.</summary>
    public async Task<IActionResult> GetAsync(string periodText, CancellationToken ct)
    {
        if (PeriodRoute.Parse(periodText, calendar) is not { } period)
        {
            return PeriodRoute.Bad(periodText, calendar);
        }

        var state = await periods.GetAsync(period, ct);
        var rows = await statements.ListByPeriodAsync(period, ct);
        var records = await reconciliation.CountAsync(period, ct);
        var issued = rows.Where(r => r.IsCurrent).ToList();
        var counted = issued.Sum(h => (long)h.RecordCount);

        return BytesResult.Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("period", period.ToString());
            w.WriteString("zone", calendar.Zone.Id);
            w.WriteString("status", state?.Status.ToString() ?? "Unknown");
            w.WriteInstant("dueAt", calendar.DueAt(period));
            w.WriteBoolean("forced", state?.Forced ?? false);
            w.WriteNumber("creatorsVisited", state?.CreatorsVisited ?? 0);
            w.WriteStartObject("records");
            w.WriteNumber("stored", records.Stored);
            w.WriteNumber("countedInThisPeriod", records.CountedInThisPeriod);
            w.WriteNumber("countedLaterAsAdjustments", records.CountedLater);
            w.WriteNumber("notYetCounted", records.NotYetCounted);
            w.WriteNumber("waitingForTheirGift", records.WaitingForTheirGift);
            w.WriteNumber("countedByThisPeriodsStatements", counted);
            w.WriteEndObject();
            WriteWaiting(w, records.Waiting);
            w.WriteStartObject("statements");
            foreach (var group in rows.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(group.Key), group.Count());
            }

            w.WriteEndObject();
            w.WriteStartObject("payable");
            foreach (var currency in issued.GroupBy(h => h.Currency!).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var money = new Domain.Monetary.Money(currency.Sum(h => h.PayableMinor), Domain.Monetary.Currency.FromCode(currency.Key));
                w.WriteString(currency.Key, money.ToAmountString());
            }

            w.WriteEndObject();
            w.WriteStartArray("blocked");
            foreach (var blocked in rows.Where(r => !r.IsIssued).OrderBy(r => r.CreatorId, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("creatorId", blocked.CreatorId);
                BlockReasonJson.WriteArray(w, "reasons", blocked.BlockedReasons);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The refunds waiting for their gift (the first <see cref="RecordReconciliation.MaxWaitingListed"/>; <c>records.waitingForTheirGift</c> counts all).</summary>
    private static void WriteWaiting(Utf8JsonWriter w, IReadOnlyList<WaitingRefund> waiting)
    {
        w.WriteStartArray("waitingRefunds");
        foreach (var refund in waiting)
        {
            w.WriteStartObject();
            w.WriteString("partnerId", refund.PartnerId);
            w.WriteString("recordId", refund.RecordId);
            w.WriteString("originalRecordId", refund.OriginalRecordId);
            w.WriteString("creatorId", refund.CreatorId);
            w.WriteInstant("waitingSince", refund.WaitingSince);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
