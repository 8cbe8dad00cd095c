using Payouts.Application.Statements;
using Payouts.Domain.Contracts;
using Payouts.Domain.Rates;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeReference : IReferenceData
{
    public Dictionary<string, Uri> Webhooks { get; } = new(StringComparer.Ordinal);

    public List<Versioned<CreatorContract>> Contracts { get; } = [.. Builders.Contracts(Builders.LeaContract(minimum: 0m))];

    /// <summary>Contracts of creators other than lea.</summary>
    public Dictionary<string, List<Versioned<CreatorContract>>> OtherContracts { get; } = new(StringComparer.Ordinal);

    public RateBook Rates { get; set; } = Builders.Rates();

    public Task<IReadOnlyList<Versioned<CreatorContract>>> ContractVersionsAsync(string creatorId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<CreatorContract>>>(creatorId == "lea" ? Contracts : OtherContracts.GetValueOrDefault(creatorId) ?? []);

    public Task<RateBook> RatesAsync(CancellationToken ct) => Task.FromResult(Rates);

    public Task<Uri?> AgencyWebhookAsync(string agencyId, CancellationToken ct) => Task.FromResult(Webhooks.GetValueOrDefault(agencyId));
}
