using NodaTime;
using Payouts.Application.Periods;
using Payouts.Domain.Periods;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakePeriods : IPeriodRepository
{
    private readonly Dictionary<PeriodKey, PeriodState> _states = [];

    public void Set(PeriodKey period, PeriodStatus status)
    {
        lock (_states)
        {
            _states[period] = new PeriodState(period, status, null, null, false, 0, Guid.NewGuid().ToString());
        }
    }

    public Task EnsureExistsAsync(IEnumerable<PeriodKey> periods, CancellationToken ct)
    {
        lock (_states)
        {
            foreach (var p in periods.Where(p => !_states.ContainsKey(p)))
            {
                _states[p] = new PeriodState(p, PeriodStatus.Open, null, null, false, 0, Guid.NewGuid().ToString());
            }
        }

        return Task.CompletedTask;
    }

    public Task<PeriodState?> GetAsync(PeriodKey period, CancellationToken ct)
    {
        lock (_states)
        {
            return Task.FromResult(_states.GetValueOrDefault(period));
        }
    }

    public async Task<PeriodState> GetOrCreateAsync(PeriodKey period, CancellationToken ct)
    {
        await EnsureExistsAsync([period], ct);
        return (await GetAsync(period, ct))!;
    }

    public async Task<bool> IsClosingOrClosedAsync(PeriodKey period, CancellationToken ct) => await GetAsync(period, ct) is { Status: not PeriodStatus.Open };

    public Task<IReadOnlyList<PeriodState>> ListUnclosedAsync(CancellationToken ct)
    {
        lock (_states)
        {
            return Task.FromResult<IReadOnlyList<PeriodState>>([.. _states.Values.Where(s => s.Status != PeriodStatus.Closed).OrderBy(s => s.Period)]);
        }
    }

    public Task<bool> TryStartClosingAsync(PeriodState state, Instant now, bool forced, CancellationToken ct)
    {
        lock (_states)
        {
            if (_states[state.Period].Version != state.Version)
            {
                return Task.FromResult(false);
            }

            _states[state.Period] = state with { Status = PeriodStatus.Closing, ClosingStartedAt = now, Forced = forced, Version = Guid.NewGuid().ToString() };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<PeriodState>> ListClosedAsync(CancellationToken ct)
    {
        lock (_states)
        {
            return Task.FromResult<IReadOnlyList<PeriodState>>([.. _states.Values.Where(s => s.Status == PeriodStatus.Closed).OrderBy(s => s.Period)]);
        }
    }

    public Task MarkAgencyStatementsStartedAsync(PeriodKey period, Instant now, CancellationToken ct) => Update(period, s => s with { AgencyStatementsStartedAt = now });

    public Task MarkAgencyStatementsIssuedAsync(PeriodKey period, Instant now, CancellationToken ct) => Update(period, s => s with { AgencyStatementsIssuedAt = now });

    private Task Update(PeriodKey period, Func<PeriodState, PeriodState> change)
    {
        lock (_states)
        {
            _states[period] = change(_states[period]);
        }

        return Task.CompletedTask;
    }

    public Task MarkClosedAsync(PeriodKey period, Instant now, int creatorsVisited, CancellationToken ct)
    {
        lock (_states)
        {
            _states[period] = _states[period] with { Status = PeriodStatus.Closed, ClosedAt = now, CreatorsVisited = creatorsVisited, Version = Guid.NewGuid().ToString() };
        }

        return Task.CompletedTask;
    }
}
