using Payouts.Application.PayoutBatches;
using Payouts.Domain.PayoutBatches;
using Payouts.Domain.PayoutDetails;
using Payouts.Domain.Periods;

namespace Payouts.Application.Tests.Fakes;

/// <summary>The payout batch's ports in memory: stored versions, payout details and the statement-jobs backlog.</summary>
internal sealed class FakePayoutBatches : IPayoutBatchArchive, IPayoutDetailsRepository, IStatementJobBacklog
{
    private readonly Dictionary<(PeriodKey, int), PayoutBatch> _versions = [];

    public Dictionary<string, CreatorPayoutDetails> Details { get; } = new(StringComparer.Ordinal);

    public StatementJobBacklog Backlog { get; set; } = new(0, 0);

    public int Creates { get; private set; }

    /// <summary>Runs just before a create, as another request would between our read and our write.</summary>
    public Action? BeforeCreate { get; set; }

    public void Store(PayoutBatch batch) => _versions[(batch.Period, batch.Version)] = batch;

    public Task<PayoutBatch?> GetLatestAsync(PeriodKey period, CancellationToken ct) =>
        Task.FromResult(_versions.Where(v => v.Key.Item1 == period).OrderByDescending(v => v.Key.Item2).Select(v => v.Value).FirstOrDefault());

    public Task<PayoutBatch?> GetAsync(PeriodKey period, int version, CancellationToken ct) => Task.FromResult(_versions.GetValueOrDefault((period, version)));

    public Task<bool> TryCreateAsync(PayoutBatch batch, CancellationToken ct)
    {
        BeforeCreate?.Invoke();
        BeforeCreate = null;
        if (_versions.ContainsKey((batch.Period, batch.Version)))
        {
            return Task.FromResult(false);
        }

        Creates++;
        Store(batch);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyDictionary<string, CreatorPayoutDetails>> GetManyAsync(IReadOnlyCollection<string> creatorIds, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, CreatorPayoutDetails>>(Details.Where(d => creatorIds.Contains(d.Key)).ToDictionary(StringComparer.Ordinal));

    public Task<StatementJobBacklog> GetAsync(CancellationToken ct) => Task.FromResult(Backlog);
}
