using NodaTime;
using Payouts.Application.Periods;
using Payouts.Domain.Periods;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeActivity : IActivityIndex
{
    public Dictionary<PeriodKey, HashSet<string>> Creators { get; } = [];

    public void Mark(PeriodKey period, string creatorId)
    {
        if (!Creators.TryGetValue(period, out var set))
        {
            Creators[period] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(creatorId);
    }

    /// <summary>A period whose listing fails (with <see cref="Failure"/>, bad data by default), to test that one period's failure stays its own.</summary>
    public PeriodKey? FailFor { get; set; }

    public Func<Exception> Failure { get; set; } = () => new InvalidDataException("an unreadable activity row");

    public Task<IReadOnlyList<string>> CreatorsAsync(PeriodKey period, bool ownRecordsOnly, CancellationToken ct) =>
        period == FailFor
            ? Task.FromException<IReadOnlyList<string>>(Failure())
            : Task.FromResult<IReadOnlyList<string>>([.. Creators.GetValueOrDefault(period) ?? [], ]);

    public Task CarryForwardAsync(string creatorId, IEnumerable<PeriodKey> recordPeriods, PeriodKey intoPeriod, Instant now, CancellationToken ct)
    {
        Mark(intoPeriod, creatorId);
        return Task.CompletedTask;
    }
}
