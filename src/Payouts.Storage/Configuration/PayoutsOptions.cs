using System.ComponentModel.DataAnnotations;

namespace Payouts.Storage.Configuration;

/// <summary>The app's settings, section "Payouts" (environment: <c>Payouts__Periods__Kind</c>, …). Validated at start.</summary>
public sealed class PayoutsOptions
{
    public const string Section = "Payouts";

    /// <summary>The name of the storage connection setting, Functions style (a connection string or <c>__serviceUri</c> settings).</summary>
    [Required]
    public string StorageConnection { get; set; } = "AzureWebJobsStorage";

    public PeriodOptions Periods { get; set; } = new();

    /// <summary>Base64 key (≥ 32 bytes) for hashing sender ids. From Key Vault in Azure; never committed.</summary>
    [Required(ErrorMessage = "Payouts:SenderHashKey is required: a base64 key of at least 32 bytes (e.g. `openssl rand -base64 32`).")]
    public string SenderHashKey { get; set; } = string.Empty;

    /// <summary>
    /// Base64 AES-256 key (exactly 32 bytes) encrypting creators' IBANs and account holder names at rest (AES-GCM).
    /// From Key Vault in Azure; never committed. Losing it loses the stored payout details, not the statements.
    /// </summary>
    [Required(ErrorMessage = "Payouts:PayoutDetailsKey is required: a base64 AES-256 key of exactly 32 bytes (e.g. `openssl rand -base64 32`).")]
    public string PayoutDetailsKey { get; set; } = string.Empty;

    /// <summary>The platform's account the payout batch's credit-transfer file debits.</summary>
    public PayoutDebtorOptions Debtor { get; set; } = new();

    /// <summary>How far a partner's signature timestamp may be from our clock.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Partners by id, each with up to two active HMAC secrets (old and new during a rotation) and its scope (which
    /// record types, commission overrides, creators and agencies it may report; all allowed by default).
    /// </summary>
    public Dictionary<string, PartnerOptions> Partners { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Who may call admin routes beyond the master key.</summary>
    public AdminOptions Admin { get; set; } = new();

    /// <summary>The default HTTP ingest rate limit of a partner (a partner's own <see cref="PartnerOptions.RateLimit"/> wins).</summary>
    public IngestRateLimitOptions IngestRateLimit { get; set; } = new();

    /// <summary>Where webhooks may go: https and public addresses only, unless relaxed for local development.</summary>
    public WebhookEgressOptions WebhookEgress { get; set; } = new();

    /// <summary>Webhook signing secrets per agency id; each active secret adds a v1 signature (two during a rotation).</summary>
    public Dictionary<string, WebhookTargetOptions> Webhooks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a statement builder holds a creator; a builder that crashed blocks the creator this long.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan StatementLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a creator held by another builder waits before its re-queued job is tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Creators one instance builds at once, across every statement job it runs: bounds memory (a build holds one
    /// creator-period's rows) and the load on the storage account, whatever the host's queue batch size.
    /// </summary>
    [Range(1, 64)]
    public int StatementBuildConcurrency { get; set; } = 8;

    /// <summary>
    /// Days after a period's last day that its payable is paid, printed on each statement as its payout date (2026-11
    /// with 5: 2026-12-05). Changing it changes statements built from then on, never issued ones.
    /// </summary>
    [Range(0, Domain.Statements.PayoutSchedule.MaxDelayDays)]
    public int PayoutDelayDays { get; set; } = 5;

    /// <summary>NCrontab schedule (UTC, with seconds) of the period-close timer.</summary>
    public string CloseSchedule { get; set; } = "0 0 * * * *";

    /// <summary>NCrontab schedule (UTC, with seconds) of the webhook dispatcher.</summary>
    public string WebhookSchedule { get; set; } = "0 * * * * *";
}
