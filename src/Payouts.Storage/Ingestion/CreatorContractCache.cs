using System.Collections.Concurrent;
using Payouts.Domain.Contracts;
using Payouts.Domain.Rates;
using Payouts.Storage.ReferenceData;

namespace Payouts.Storage.Ingestion;

/// <summary>
/// A creator's contract versions, kept for <see cref="Lifetime"/> so an agency-scoped partner costs at most one
/// point query (one partition of the Creators table) per creator per minute, however many records it sends. Only
/// partners with an agency list ever ask. A contract change (a creator moving agency) is seen within a minute.
/// Nothing is cached when the read fails: the failure surfaces like any storage failure of the batch.
/// </summary>
public sealed class CreatorContractCache(ContractStore contracts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Past this many creators, expired entries are dropped before a new one is added: memory stays bounded by the creators seen in a minute.</summary>
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async Task<EffectiveSeries<CreatorContract>> GetAsync(string creatorId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(creatorId, out var cached) && cached.Expires > now)
        {
            return cached.Contracts;
        }

        var versions = await contracts.GetVersionsAsync(creatorId, ct);
        var entry = new Entry(new EffectiveSeries<CreatorContract>($"contract of {creatorId}", versions), now + Lifetime);
        if (_entries.Count >= PruneAbove)
        {
            foreach (var (id, old) in _entries)
            {
                if (old.Expires <= now)
                {
                    _entries.TryRemove(id, out _);
                }
            }
        }

        _entries[creatorId] = entry;
        return entry.Contracts;
    }

    private sealed record Entry(EffectiveSeries<CreatorContract> Contracts, DateTimeOffset Expires);
}
