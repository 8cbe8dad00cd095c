using CsCheck;
using Payouts.Domain.Agencies;
using Payouts.Domain.Contracts;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;
using Payouts.Domain.Tests.Agencies;

namespace Payouts.Domain.Tests.Properties;

/// <summary>
/// The agency statement reconciles to the cent with its creator statements, on generated agencies: up to six creators,
/// each with generated records (refunds, October adjustments, deals with their own rates, bonuses), contract rates,
/// minimum payouts and balances, some blocked. Checked against a model that reads only the creator statements.
/// </summary>
public sealed class AgencyReconciliationProperties
{
    private static readonly Gen<(Statement Statement, CommissionRates Rates)> CreatorStatement =
        Gen.Select(StatementGen.Request, Gen.Int[0, 1_000_000], (request, n) =>
        {
            var statement = AgencyBuilders.StatementOf($"c{n}", request);
            return (statement, request.ContractVersions[0].Value.AgencyCommission);
        });

    private static readonly Gen<AgencyStatementRequest> Agency =
        Gen.Select(CreatorStatement.Array[0, 6], Gen.Int[0, 3], (creators, blocked) =>
            AgencyBuilders.AgencyRequest(
                creators.DistinctBy(c => c.Statement.CreatorId).Select(c => AgencyBuilders.InputOf(c.Statement, c.Rates)),
                Enumerable.Range(0, blocked).Select(i => new BlockedCreator($"blocked{i}", [BlockCodes.MissingRate]))));

    [Fact]
    public void Calculate_AnyAgency_TotalsPerCurrencyAreMinusTheCreatorStatementsCommissionLines() =>
        Agency.Sample(
            request =>
            {
                var agency = AgencyStatementCalculator.Calculate(request);

                Assert.Equal(AgencyStatementStatus.Issued, agency.Status);
                var expected = request.Statements
                    .GroupBy(s => s.Currency.Code)
                    .ToDictionary(g => g.Key, g => -g.SelectMany(s => s.Lines).Where(l => l.Kind == LineKind.AgencyCommission).Sum(l => l.Amount.MinorUnits));
                Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), agency.Totals.Select(t => t.Currency.Code));
                Assert.All(agency.Totals, t => Assert.Equal(expected[t.Currency.Code], t.Commission.Total.MinorUnits));
                Assert.All(agency.Totals, t => Assert.Equal(t.Commission.Total.MinorUnits, agency.Creators.Where(c => c.Currency == t.Currency).Sum(c => c.Commission!.Total.MinorUnits)));
                Assert.Equal(request.Statements.Count + request.Blocked.Count, agency.Creators.Count);
                Assert.Equal(request.Blocked.Count + request.Statements.Count(s => s.Status == StatementStatus.CarriedForward), agency.Unpaid.Count());
            },
            iter: 300);

    [Fact]
    public void Calculate_AnyCreator_SplitAgreesWithAModelOfItsCommissionLines() =>
        CreatorStatement.Sample(
            creator =>
            {
                var input = AgencyBuilders.InputOf(creator.Statement, creator.Rates);
                var line = Assert.Single(AgencyStatementCalculator.Calculate(AgencyBuilders.AgencyRequest([input])).Creators);

                var (period, adjustments) = Model(creator.Statement, creator.Rates);
                Assert.Equal(period[RevenueType.Gifts], line.Commission!.Gifts.MinorUnits);
                Assert.Equal(period[RevenueType.Deals], line.Commission.Deals.MinorUnits);
                Assert.Equal(period[RevenueType.Bonuses], line.Commission.Bonuses.MinorUnits);
                Assert.Equal(adjustments, line.Commission.PriorPeriodAdjustments.MinorUnits);
                Assert.Equal(-creator.Statement.Totals!.AgencyCommission.MinorUnits, line.Commission.Total.MinorUnits);
            },
            iter: 500);

    [Fact]
    public void Calculate_AnyAgency_IsIndependentOfTheOrderOfItsCreators() =>
        Gen.Select(Agency, Gen.Int, (request, seed) => (request, seed)).Sample(
            sample =>
            {
                var random = new Random(sample.seed);
                var shuffled = sample.request with
                {
                    Statements = [.. sample.request.Statements.OrderBy(_ => random.Next())],
                    Blocked = [.. sample.request.Blocked.OrderBy(_ => random.Next())],
                };

                Assert.Equal(AgencyStatementCalculator.Calculate(sample.request).ContentHash, AgencyStatementCalculator.Calculate(shuffled).ContentHash);
            },
            iter: 100);

    /// <summary>
    /// Each commission line on its own: the revenue lines of its type charged at its rate (a deal's own rate, else the
    /// contract's), of which the adjustments give round(rate × their sum); the period's part is the line's rest.
    /// </summary>
    private static (Dictionary<RevenueType, long> Period, long Adjustments) Model(Statement statement, CommissionRates contract)
    {
        var currency = statement.Currency!;
        var period = Enum.GetValues<RevenueType>().ToDictionary(t => t, _ => 0L);
        long adjustments = 0;
        foreach (var commission in statement.Lines.Where(l => l.Kind == LineKind.AgencyCommission))
        {
            var type = commission.Revenue!.Value;
            var charged = statement.Lines.Where(l => l.IsRevenue && l.Revenue == type && (l.AgencyCommissionOverride ?? contract.For(type)) == commission.Rate!.Value);
            var adjustment = Money.Round(commission.Rate!.Value.Value * charged.Where(l => l.IsAdjustment).Sum(l => l.Amount.Amount), currency).MinorUnits;
            adjustments += adjustment;
            period[type] += -commission.Amount.MinorUnits - adjustment;
        }

        return (period, adjustments);
    }
}
