using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Periods;
using Payouts.Domain.Records;
using Payouts.Domain.Statements;
using Payouts.Domain.Statements.Yearly;

namespace Payouts.Domain.Tests.Statements.Yearly;

/// <summary>
/// lea's 2026 computed by the calculator, each statement bringing forward what the one before carried: January a
/// placement; March a challenge and a late February bonus (an adjustment), reissued as v2; June a small deal carried
/// forward; November the worked example's gifts and deals; December a placement.
/// </summary>
internal static class YearBuilders
{
    public static readonly Instant IssuedAt = Instant.FromUtc(2027, 1, 3, 9, 0);

    public static IReadOnlyList<Statement> Lea2026()
    {
        var statements = new List<Statement>();
        Money? carried = null;
        Statement Add(int month, IReadOnlyList<GiftEntry> gifts, params DealRecord[] deals)
        {
            var request = Builders.Request(gifts, [.. deals.Select(Builders.DealOf)], carried) with { Id = new StatementId("lea", PeriodKey.Month(2026, month), 1) };
            var statement = StatementCalculator.Calculate(request);
            statements.Add(statement);
            carried = statement.Totals!.CarriedForward;
            return statement;
        }

        Add(1, [], Deal("jan", 1, 800.00m));
        var march = Add(3, [], Deal("mar", 3, 240.00m), Deal("feb-bonus", 2, 60.00m, DealType.EventBonus));
        var reissued = StatementCalculator.Calculate(
            Builders.Request([], [Builders.DealOf(Deal("mar", 3, 240.00m)), Builders.DealOf(Deal("feb-bonus", 2, 60.00m, DealType.EventBonus))], march.Totals!.BroughtForward, Builders.Contract(withholding: 0.05m))
            with { Id = march.Id.NextVersion(), CorrectionReason = "5 % withholding from March" });
        statements.Add(reissued);
        carried = reissued.Totals!.CarriedForward;
        Add(6, [], Deal("jun", 6, 20.00m));
        Add(11, Builders.WorkedExample().Gifts, Deal("nov", 11, 500.00m));
        Add(12, [], Deal("dec", 12, 99.99m));
        return statements;
    }

    public static StatementFigures Figures(Statement s) =>
        StatementFigures.Of(s.Id, s.Status, s.Lines, s.Totals!.BroughtForward, s.Totals.Payable, s.Totals.CarriedForward);

    public static YearlySummary Summary(string? displayName = "Léa Martin") =>
        YearlySummaries.Of("lea", 2026, Lea2026().Select(Figures), [PeriodKey.Month(2026, 9)]) with { DisplayName = displayName };

    private static DealRecord Deal(string id, int month, decimal eur, DealType type = DealType.BrandChallenge) =>
        Builders.Deal(id, type, DealAmount.Of(eur, Currency.EUR), Instant.FromUtc(2026, month, 10, 12, 0));
}
