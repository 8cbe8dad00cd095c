using NodaTime;
using Payouts.Domain.Monetary;
using Payouts.Domain.Statements;
using static Payouts.Domain.Tests.Builders;

namespace Payouts.Domain.Tests.Statements;

public sealed class StatementHashTests
{
    private static readonly Statement Original = StatementCalculator.Calculate(WorkedExample());

    [Fact]
    public void Hash_IssuedAtSet_IsUnchanged()
    {
        var issued = Original with { IssuedAt = Instant.FromUtc(2026, 12, 3, 0, 0) };
        Assert.Equal(Original.ContentHash, StatementHash.Compute(issued));
        Assert.True(StatementHash.Verify(issued));
    }

    [Fact]
    public void Hash_BroughtForwardChanged_Changes() =>
        Assert.NotEqual(Original.ContentHash, StatementCalculator.Calculate(WorkedExample() with { BroughtForward = new Money(1231, Currency.EUR) }).ContentHash);

    [Fact]
    public void Hash_OneGiftMore_Changes()
    {
        var request = WorkedExample();
        var changed = request with { Gifts = [.. request.Gifts, Entry(1, 1, At(28))] };
        Assert.NotEqual(Original.ContentHash, StatementCalculator.Calculate(changed).ContentHash);
    }

    [Fact]
    public void Hash_RateVersionRenamed_Changes()
    {
        var rates = new Payouts.Domain.Rates.RateBook(Builders.Rates().Entries.Select(e => e.VersionId == "dpc-FR-2024" ? e with { VersionId = "dpc-FR-2024b" } : e));
        Assert.NotEqual(Original.ContentHash, StatementCalculator.Calculate(WorkedExample() with { Rates = rates }).ContentHash);
    }

    [Fact]
    public void Hash_NewVersionWithReason_Changes()
    {
        var request = WorkedExample();
        var corrected = request with { Id = request.Id.NextVersion(), CorrectionReason = "late refund" };
        Assert.NotEqual(Original.ContentHash, StatementCalculator.Calculate(corrected).ContentHash);
    }

    [Fact]
    public void Hash_DraftOfSameRecords_Differs() =>
        Assert.NotEqual(Original.ContentHash, StatementCalculator.Calculate(WorkedExample() with { Draft = true }).ContentHash);

    [Fact]
    public void Verify_TamperedLine_IsFalse()
    {
        var tampered = Original with { Lines = [Original.Lines[0] with { Amount = new Money(7200, Currency.EUR) }, .. Original.Lines.Skip(1)] };
        Assert.False(StatementHash.Verify(tampered));
    }

    [Fact]
    public void Verify_TamperedTotals_IsFalse() =>
        Assert.False(StatementHash.Verify(Original with { Totals = Original.Totals! with { Payable = new Money(999_999, Currency.EUR) } }));

    [Fact]
    public void Verify_TamperedHash_IsFalse() => Assert.False(StatementHash.Verify(Original with { ContentHash = new string('0', 64) }));
}
