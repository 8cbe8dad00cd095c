using Payouts.Domain.Contracts;
using Payouts.Domain.Rates;

namespace Payouts.Application.Statements;

/// <summary>The reference data a statement is computed and emitted with.</summary>
public interface IReferenceData
{
    Task<IReadOnlyList<Versioned<CreatorContract>>> ContractVersionsAsync(string creatorId, CancellationToken ct);

    Task<RateBook> RatesAsync(CancellationToken ct);

    /// <summary>The agency's webhook endpoint, or null when it has none (or is unknown).</summary>
    Task<Uri?> AgencyWebhookAsync(string agencyId, CancellationToken ct);
}
