namespace Payouts.Domain.Statements.Yearly;

/// <summary>A statement version of the year: counted when it is its period's latest, else the version that replaced it.</summary>
public sealed record YearStatement(StatementFigures Figures, int? SupersededBy)
{
    public bool IsCounted => SupersededBy is null;

    /// <summary>The month its period ends in (a week counts in the month of its Sunday).</summary>
    public int Month => Figures.Id.Period.LastDay.Month;
}
