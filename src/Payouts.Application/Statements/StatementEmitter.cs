using NodaTime;
using Payouts.Application.Outbox;

namespace Payouts.Application.Statements;

/// <summary>
/// Emitting a committed statement, apart from issuing it: the per-period index row, one outbox delivery for the
/// payment system's queue and one for the agency's webhook (deterministic ids, insert-if-absent), then the emitted
/// marker. Every step is idempotent, so a crash between any two is finished by whichever retry comes next; what leaves
/// Payouts leaves from the outbox only.
/// </summary>
public sealed class StatementEmitter(IStatementRepository statements, IStatementDocuments documents, IReferenceData reference, IOutboxStore outbox, IBuildProbe probe, IClock clock)
{
    /// <summary>Emits; returns the deliveries it made sure of (for an immediate dispatch).</summary>
    public async Task<IReadOnlyList<OutboxDelivery>> EmitAsync(StatementHeader header, CancellationToken ct)
    {
        await statements.IndexAsync(header, ct);
        await probe.AtAsync(BuildStep.Indexed, header.Id, ct);
        var subject = header.Id.ToString();
        var queueId = OutboxDelivery.IdOf(PayoutStatementMessage.EventOf(header), subject, PayoutStatementMessage.Queue);
        var queueBody = PayoutStatementMessage.Create(header, format => documents.UriOf(header, format), queueId);
        var messages = new List<OutboxDelivery> { new(queueId, OutboxChannel.Queue, PayoutStatementMessage.EventOf(header), subject, PayoutStatementMessage.Queue, null, queueBody) };
        if (header.AgencyId is { } agencyId && await reference.AgencyWebhookAsync(agencyId, ct) is { } url)
        {
            messages.Add(OutboxDelivery.ToAgency(PayoutStatementMessage.EventOf(header), subject, agencyId, url, id => PayoutStatementMessage.Create(header, format => documents.UriOf(header, format), id)));
        }

        var deliveries = await outbox.AddAsync(messages, clock.GetCurrentInstant(), ct);
        await probe.AtAsync(BuildStep.OutboxWritten, header.Id, ct);
        await statements.MarkEmittedAsync(header.Id, clock.GetCurrentInstant(), ct);
        await probe.AtAsync(BuildStep.Emitted, header.Id, ct);
        return deliveries;
    }
}
