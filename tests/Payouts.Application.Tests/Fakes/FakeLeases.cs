using Payouts.Application.Statements;

namespace Payouts.Application.Tests.Fakes;

/// <summary>Leases in memory: one holder per creator; a test can hold a creator (busy) or take a lease away (lost).</summary>
internal sealed class FakeLeases : ICreatorLeases
{
    private readonly Dictionary<string, Lease> _held = new(StringComparer.Ordinal);

    public Task<ICreatorLease?> TryAcquireAsync(string creatorId, CancellationToken ct)
    {
        lock (_held)
        {
            if (_held.ContainsKey(creatorId))
            {
                return Task.FromResult<ICreatorLease?>(null);
            }

            var lease = new Lease(creatorId, this);
            _held[creatorId] = lease;
            return Task.FromResult<ICreatorLease?>(lease);
        }
    }

    /// <summary>Another builder holds the creator.</summary>
    public void Hold(string creatorId)
    {
        lock (_held)
        {
            _held[creatorId] = new Lease(creatorId, this);
        }
    }

    /// <summary>The creator's lease expired and was taken over: its holder's fenced writes fail from now on.</summary>
    public void TakeOver(string creatorId)
    {
        lock (_held)
        {
            if (_held.Remove(creatorId, out var lease))
            {
                lease.Lose();
            }

            _held[creatorId] = new Lease(creatorId, this);
        }
    }

    private void Release(Lease lease)
    {
        lock (_held)
        {
            if (_held.TryGetValue(lease.CreatorId, out var current) && ReferenceEquals(current, lease))
            {
                _held.Remove(lease.CreatorId);
            }
        }
    }

    internal sealed class Lease(string creatorId, FakeLeases owner) : ICreatorLease
    {
        private readonly CancellationTokenSource _lost = new();

        public string CreatorId { get; } = creatorId;

        public CancellationToken Lost => _lost.Token;

        public bool IsLost => _lost.IsCancellationRequested;

        public void Lose() => _lost.Cancel();

        public ValueTask DisposeAsync()
        {
            owner.Release(this);
            return ValueTask.CompletedTask;
        }
    }
}
