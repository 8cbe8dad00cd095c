using NodaTime;
using Payouts.Domain.Rates;
using Payouts.Storage.ReferenceData;

namespace Payouts.Storage.Statements;

/// <summary>The rate book, reloaded at most once a minute: a period close builds thousands of statements with the same rates.</summary>
public sealed class RateBookCache(RateStore store, IClock clock) : IDisposable
{
    private static readonly Duration MaxAge = Duration.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (RateBook Book, Instant LoadedAt)? _cached;

    public async Task<RateBook> GetAsync(CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        if (_cached is { } hit && now - hit.LoadedAt < MaxAge)
        {
            return hit.Book;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is not { } fresh || now - fresh.LoadedAt >= MaxAge)
            {
                _cached = (await store.LoadAsync(ct), now);
            }

            return _cached.Value.Book;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After an admin changes rates, so the next statement sees them at once.</summary>
    public void Invalidate() => _cached = null;

    public void Dispose() => _gate.Dispose();
}
