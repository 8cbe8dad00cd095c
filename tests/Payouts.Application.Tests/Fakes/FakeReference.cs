using Payouts.Application.Statements;
using Payouts.Domain.Contracts;
using Payouts.Domain.Rates;
using Payouts.Domain.Tests;

namespace Payouts.Application.Tests.Fakes;

internal sealed class FakeReference : IReferenceData
{
    public Dictionary<string, Uri> Webhooks { get; } = new(StringComparer.Ordinal);

    public List<Versioned<CreatorContract>> Contracts { get; } = [.. Builders.Contracts(Builders.LeaContract(minimum: 0m))];

    public Task<IReadOnlyList<Versioned<CreatorContract>>> ContractVersionsAsync(string creatorId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Versioned<CreatorContract>>>(creatorId == "lea" ? Contracts : []);

    public Task<RateBook> RatesAsync(CancellationToken ct) => Task.FromResult(Builders.Rates());

    public Task<Uri?> AgencyWebhookAsync(string agencyId, CancellationToken ct) => Task.FromResult(Webhooks.GetValueOrDefault(agencyId));
}
