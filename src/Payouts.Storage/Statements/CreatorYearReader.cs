using Payouts.Domain.Contracts;
using Payouts.Domain.Rates;
using Payouts.Domain.Statements.Yearly;
using Payouts.Storage.ReferenceData;

namespace Payouts.Storage.Statements;

/// <summary>
/// Reads what a creator's yearly summary adds up, from the creator's own partition only: the headers of the statements
/// whose period ends in the year, the lines each was issued with (so prior-period adjustments can be told apart), the
/// blocked markers, and the display name of the contract in force on the year's last day. Issued documents are not
/// read or rendered; the summary is computed on request from what never changes.
/// </summary>
public sealed class CreatorYearReader(StatementStore statements, ContractStore contracts)
{
    public async Task<YearlySummary> ReadAsync(string creatorId, int year, CancellationToken ct)
    {
        var headers = (await statements.ListHeadersAsync(creatorId, ct)).Where(h => h.Period.LastDay.Year == year).ToList();
        var figures = await Task.WhenAll(headers.Select(async header =>
        {
            var lines = await statements.GetLinesAsync(header, ct);
            var f = StatementFigures.Of(
                header.Id, header.Status, lines, header.Amount(header.Totals.BroughtForward), header.Amount(header.Totals.Payable), header.Amount(header.Totals.CarriedForward));

            // The lines are the header's build: they add up to its net, or the stored statement is not what it says.
            return f.Net.MinorUnits == header.Totals.Net
                ? f
                : throw new InvalidDataException($"Statement {header.Id}: its lines add up to {f.Net.MinorUnits} minor units, its header says {header.Totals.Net}.");
        }));
        var blocked = (await statements.ListBlockedAsync(creatorId, ct)).Select(b => b.Period);
        var contract = new EffectiveSeries<CreatorContract>("creator contract", await contracts.GetVersionsAsync(creatorId, ct)).At(new NodaTime.LocalDate(year, 12, 31));
        return YearlySummaries.Of(creatorId, year, figures, blocked) with { DisplayName = contract.IsFound ? contract.Value.Value.DisplayName : null };
    }
}
