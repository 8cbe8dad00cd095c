using System.Collections.Concurrent;
using Payouts.Domain.Records;

namespace Payouts.Storage.Statements;

/// <summary>The rows of a statement's ranges as stored, records and voids apart; filled by parallel partition reads.</summary>
internal sealed class ReadRows
{
    public ConcurrentBag<GiftRecord> Gifts { get; } = [];

    public ConcurrentBag<GiftVoid> GiftVoids { get; } = [];

    public ConcurrentBag<DealRecord> Deals { get; } = [];

    public ConcurrentBag<DealRecord> DealVoids { get; } = [];
}
