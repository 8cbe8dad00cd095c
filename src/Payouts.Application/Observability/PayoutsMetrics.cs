using System.Diagnostics.Metrics;

namespace Payouts.Application.Observability;

/// <summary>The app's meters. Tags are low-cardinality ids (partner, kind, source), never creator or sender ids.</summary>
public sealed class PayoutsMetrics : IDisposable
{
    public const string MeterName = "Payouts";

    private readonly Meter _meter;
    private readonly Counter<long> _records;
    private readonly Counter<long> _rejectedMessages;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _batchSeconds;
    private readonly Counter<long> _statements;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _webhookRetries;
    private readonly Gauge<long> _outboxDue;
    private readonly Gauge<double> _outboxOldestDueAge;
    private readonly Gauge<long> _healthWarnings;

    public PayoutsMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _records = _meter.CreateCounter<long>("payouts.ingest.records", "{record}", "Records ingested, by status (accepted, duplicate, rejected).");
        _rejectedMessages = _meter.CreateCounter<long>("payouts.ingest.rejected_messages", "{message}", "Queue messages that could not be parsed at all.");
        _statements = _meter.CreateCounter<long>("payouts.statements", "{statement}", "Statements built, by status (Issued, CarriedForward, Blocked).");
        _webhooks = _meter.CreateCounter<long>("payouts.webhooks", "{delivery}", "Webhook delivery attempts, by target and outcome (delivered, or the failure category).");
        _webhookRetries = _meter.CreateCounter<long>("payouts.webhooks.retries", "{retry}", "In-attempt webhook retries by the HTTP policy, by reason (HTTP status or exception).");
        _outboxDue = _meter.CreateGauge<long>("payouts.webhooks.outbox.due", "{delivery}", "Outbox deliveries due at the dispatcher's last run (at most one batch).");
        _outboxOldestDueAge = _meter.CreateGauge<double>("payouts.webhooks.outbox.oldest_due_age", "s", "Age of the oldest due outbox delivery at the dispatcher's last run: alert when it grows.");
        _rateLimited = _meter.CreateCounter<long>("payouts.ingest.rate_limited", "{request}", "HTTP ingest requests answered 429 because the partner was over its rate.");
        _healthWarnings = _meter.CreateGauge<long>("payouts.health.warnings", "{warning}", "Reference-data gaps the last health round found, by check (rates: regions without gift rates today); they never make /api/health 503.");
        _batchSeconds = _meter.CreateHistogram<double>("payouts.ingest.batch.duration", "s", "Time to settle one ingest batch.");
    }

    public void RecordsIngested(string kind, string partnerId, string source, string status, int count)
    {
        if (count > 0)
        {
            _records.Add(count, new("kind", kind), new("partner", partnerId), new("source", source), new("status", status));
        }
    }

    public void RateLimited(string partnerId) => _rateLimited.Add(1, new KeyValuePair<string, object?>("partner", partnerId));

    public void MessageRejected(string queue) => _rejectedMessages.Add(1, new KeyValuePair<string, object?>("queue", queue));

    public void BatchSettled(string kind, string source, TimeSpan duration) =>
        _batchSeconds.Record(duration.TotalSeconds, new("kind", kind), new("source", source));

    public void StatementBuilt(string status) => _statements.Add(1, new KeyValuePair<string, object?>("status", status));

    public void WebhookDelivered(string targetId, string outcome) => _webhooks.Add(1, new("target", targetId), new("outcome", outcome));

    public void WebhookRetried(string reason) => _webhookRetries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void OutboxObserved(int due, TimeSpan oldestAge)
    {
        _outboxDue.Record(due);
        _outboxOldestDueAge.Record(oldestAge.TotalSeconds);
    }

    public void HealthChecked(string check, int warnings) => _healthWarnings.Record(warnings, new KeyValuePair<string, object?>("check", check));

    public void Dispose() => _meter.Dispose();
}
