using Payouts.Domain.Statements;

namespace Payouts.Domain.Agencies;

/// <summary>
/// Computes an agency's statement for one period from the latest version of each of its creators' statements and its
/// blocked creators. Pure: same request, same statement, same hash. It reconciles to the cent by construction: each
/// creator's commission is minus its statement's commission lines (split by <see cref="CommissionSplit"/>, whose parts
/// add up exactly), and each currency's total is the sum of its creators'. Anything that does not reconcile blocks the
/// agency statement with a reason instead of throwing.
/// </summary>
public static class AgencyStatementCalculator
{
    public static AgencyStatement Calculate(AgencyStatementRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<BlockReason>();
        var creators = new List<AgencyCreatorLine>();
        try
        {
            foreach (var statement in request.Statements.OrderBy(s => s.CreatorId, StringComparer.Ordinal))
            {
                if (WrongSource(request, statement, creators) is { } wrong)
                {
                    problems.Add(BlockReason.Of(AgencyBlockCodes.WrongSource, wrong));
                    continue;
                }

                var commission = CommissionSplit.Of(statement, problems);
                var status = statement.Status == StatementStatus.Issued ? AgencyCreatorStatus.Issued : AgencyCreatorStatus.CarriedForward;
                creators.Add(new AgencyCreatorLine(statement.CreatorId, status, statement.Id, statement.ContentHash, commission, []));
            }

            // A creator with an issued statement is not also blocked (a stale marker loses to the statement).
            var issued = creators.Select(c => c.CreatorId).ToHashSet(StringComparer.Ordinal);
            creators.AddRange(request.Blocked
                .Where(b => !issued.Contains(b.CreatorId))
                .DistinctBy(b => b.CreatorId)
                .Select(b => new AgencyCreatorLine(b.CreatorId, AgencyCreatorStatus.Blocked, null, null, null, [.. b.Codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])));
            creators.Sort((a, b) => string.CompareOrdinal(a.CreatorId, b.CreatorId));
            return Finish(request, creators, problems);
        }
        catch (OverflowException)
        {
            // Checked arithmetic met sums far beyond any agency's: block with the reason, never throw.
            return Finish(request, [], [BlockReason.Of(AgencyBlockCodes.TooLarge, "the agency's commission sums are too large to compute: check its creators' statements")]);
        }
    }

    private static string? WrongSource(AgencyStatementRequest request, CreatorStatementInput statement, List<AgencyCreatorLine> creators) =>
        statement.Id.Period != request.Id.Period ? $"creator statement {statement.Id} is not of {request.Id.Period}"
        : statement.Status is not (StatementStatus.Issued or StatementStatus.CarriedForward) ? $"creator statement {statement.Id} is {statement.Status}, not issued"
        : creators.Any(c => c.CreatorId == statement.CreatorId) ? $"creator {statement.CreatorId} has more than one statement version among the sources"
        : null;

    private static AgencyStatement Finish(AgencyStatementRequest request, List<AgencyCreatorLine> creators, List<BlockReason> problems)
    {
        var blocked = problems.Count > 0;
        var sources = AgencyStatementSource.Canonical(
            request.Statements.Select(s => s.Source).Concat(request.Blocked.Where(b => !request.Statements.Any(s => s.CreatorId == b.CreatorId)).Select(b => b.Source)));
        var totals = blocked ? [] : Totals(creators);
        var statement = new AgencyStatement
        {
            Id = request.Id,
            Zone = request.Zone,
            Status = blocked ? AgencyStatementStatus.Blocked : AgencyStatementStatus.Issued,
            Creators = blocked ? [] : creators,
            Totals = totals,
            Sources = sources,
            BlockedReasons = [.. problems.DistinctBy(p => (p.Code, p.Message))],
        };
        if (request.Previous is { } previous && !blocked)
        {
            statement = statement with
            {
                Supersedes = previous.Version,
                Changes = Changes(previous.Sources, sources),
                TotalChanges = TotalChanges(previous.Totals, totals),
            };
        }

        return statement with { ContentHash = AgencyStatementHash.Compute(statement) };
    }

    private static List<AgencyCurrencyTotal> Totals(List<AgencyCreatorLine> creators) =>
    [
        .. creators
            .Where(c => c.Commission is not null)
            .GroupBy(c => c.Commission!.Currency)
            .OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new AgencyCurrencyTotal(g.Key, g.Count(), g.Select(c => c.Commission!).Aggregate(AgencyCommission.Zero(g.Key), (sum, c) => sum + c))),
    ];

    private static List<AgencyCreatorChange> Changes(IReadOnlyList<AgencyStatementSource> before, IReadOnlyList<AgencyStatementSource> after)
    {
        var was = before.GroupBy(s => s.CreatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.GroupBy(s => s.CreatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return
        [
            .. was.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(c => new AgencyCreatorChange(c, was.GetValueOrDefault(c), now.GetValueOrDefault(c)))
                .Where(c => c.Before?.ToString() != c.After?.ToString()),
        ];
    }

    private static List<AgencyTotalChange> TotalChanges(IReadOnlyList<AgencyCurrencyTotal> before, IReadOnlyList<AgencyCurrencyTotal> after) =>
    [
        .. before.Select(t => t.Currency).Union(after.Select(t => t.Currency)).OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => new AgencyTotalChange(
                c,
                before.FirstOrDefault(t => t.Currency == c)?.Commission.Total ?? Monetary.Money.Zero(c),
                after.FirstOrDefault(t => t.Currency == c)?.Commission.Total ?? Monetary.Money.Zero(c))),
    ];
}
