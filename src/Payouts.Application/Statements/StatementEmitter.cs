using NodaTime;
using Payouts.Application.Outbox;

namespace Payouts.Application.Statements;

/// <summary>
/// Emitting a committed statement, apart from issuing it: the per-period index row, one outbox delivery for the
/// payment system's queue and one for the agency's webhook (deterministic ids, insert-if-absent), then the emitted
/// marker (and, for a reissue, its reissuing mark cleared). Every step is idempotent, so a crash between any two is
/// finished by whichever retry comes next; what leaves Payouts leaves from the outbox only.
/// </summary>
public sealed class StatementEmitter(IStatementRepository statements, IStatementDocuments documents, IReferenceData reference, IOutboxStore outbox, IBuildProbe probe, IClock clock)
{
    /// <summary>Emits; returns the deliveries it made sure of (for an immediate dispatch).</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> EmitAsync(StatementHeader header, CancellationToken ct)
    {
        await statements.IndexAsync(header, ct);
        await probe.AtAsync(BuildStep.Indexed, header.Id, ct);
        var deliveries = await outbox.AddAsync(await DeliveriesOfAsync(header, ct), clock.GetCurrentInstant(), ct);

        await probe.AtAsync(BuildStep.OutboxWritten, header.Id, ct);
        await statements.MarkEmittedAsync(header.Id, clock.GetCurrentInstant(), ct);
        if (header.Supersedes is not null)
        {
            await statements.ClearReissuingAsync(header.Id, version: null, ct);
        }

        await probe.AtAsync(BuildStep.Emitted, header.Id, ct);
        return deliveries;
    }

    /// <summary>
    /// Finishes an emit a crash may have interrupted: the whole emit when the marker is missing; otherwise nothing is
    /// written again (but a reissue's leftover mark) and its deliveries are handed back, so that those still pending
    /// are dispatched at once, as after the first emit.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ResumeAsync(StatementHeader header, CancellationToken ct)
    {
        if (!await statements.IsEmittedAsync(header.Id, ct))
        {
            return await EmitAsync(header, ct);
        }

        if (header.Supersedes is not null)
        {
            // A crash between the emitted marker and the mark's removal.
            await statements.ClearReissuingAsync(header.Id, version: null, ct);
        }

        return await DeliveriesOfAsync(header, ct);
    }

    /// <summary>The payout message and, when the agency has a URL, its webhook: the same ids and bodies on every call.</summary>
    private async Task<IReadOnlyList<OutboxDelivery>> DeliveriesOfAsync(StatementHeader header, CancellationToken ct)
    {
        var subject = header.Id.ToString();
        var eventName = PayoutStatementMessage.EventOf(header);
        var queueId = OutboxDelivery.IdOf(eventName, subject, PayoutStatementMessage.Queue);
        var queueBody = PayoutStatementMessage.Create(header, format => documents.UriOf(header, format), queueId);
        var deliveries = new List<OutboxDelivery> { new(queueId, OutboxChannel.Queue, eventName, subject, PayoutStatementMessage.Queue, null, queueBody) };
        if (header.AgencyId is { } agencyId && await reference.AgencyWebhookAsync(agencyId, ct) is { } url)
        {
            deliveries.Add(OutboxDelivery.ToAgency(eventName, subject, agencyId, url, id => PayoutStatementMessage.Create(header, format => documents.UriOf(header, format), id)));
        }

        return deliveries;
    }
}
