using Payouts.Application.Statements;
using Payouts.Domain.Contracts;
using Payouts.Domain.Rates;
using Payouts.Storage.Statements;

namespace Payouts.Storage.ReferenceData;

/// <summary>Contracts, the (cached) rate book and agency webhooks, as a statement needs them.</summary>
public sealed class ReferenceDataReader(ContractStore contracts, RateBookCache rates, AgencyStore agencies) : IReferenceData
{
    public Task<IReadOnlyList<Versioned<CreatorContract>>> ContractVersionsAsync(string creatorId, CancellationToken ct) => contracts.GetVersionsAsync(creatorId, ct);

    public Task<RateBook> RatesAsync(CancellationToken ct) => rates.GetAsync(ct);

    public async Task<Uri?> AgencyWebhookAsync(string agencyId, CancellationToken ct) => (await agencies.GetAsync(agencyId, ct))?.WebhookUrl;
}
