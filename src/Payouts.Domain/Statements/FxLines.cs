using Payouts.Domain.Rates;

namespace Payouts.Domain.Statements;

internal static class FxLines
{
    public static AppliedRate Applied(Versioned<FxRate> fx) =>
        new($"fx {fx.Value.From.Code}→{fx.Value.To.Code}", fx.VersionId, fx.Value.Value) { From = fx.Value.IsIdentity ? null : fx.From };
}
