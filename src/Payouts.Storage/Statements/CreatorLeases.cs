using Microsoft.Extensions.Options;
using NodaTime;
using Payouts.Application.Statements;
using Payouts.Storage.Configuration;
using Payouts.Storage.Tables;

namespace Payouts.Storage.Statements;

/// <summary>Creator leases as rows of the creator's Statements partition, for <c>Payouts:StatementLease</c>.</summary>
public sealed class CreatorLeases(CreatorTables tables, IClock clock, IOptions<PayoutsOptions> options) : ICreatorLeases
{
    public async Task<ICreatorLease?> TryAcquireAsync(string creatorId, CancellationToken ct) =>
        await CreatorLease.TryAcquireAsync(tables.Statements(creatorId), creatorId, clock, Duration.FromTimeSpan(options.Value.StatementLease), ct);
}
