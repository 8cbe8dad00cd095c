using Payouts.Domain.Periods;

namespace Payouts.DevHost.Demo;

/// <summary>What a demo run produced, for the end-to-end test.</summary>
public sealed record DemoResult(
    PeriodKey Period,
    IReadOnlyList<DemoExpectation> Expectations,
    IReadOnlyList<StatementFigures> Statements,
    IReadOnlyList<string> Files,
    int WebhookDeliveries,
    IReadOnlyList<AgencyFigures> AgencyStatements)
{
    /// <summary>The period's payout batch as JSON, CSV and pain.001 XML.</summary>
    public IReadOnlyList<string> PayoutBatchFiles { get; init; } = [];
}
