namespace Payouts.Functions.Http;

/// <summary>
/// Every problem <c>type</c> the app answers with (<c>urn:payouts:problem:&lt;slug&gt;</c>): the one list of slugs, which
/// docs/openapi.yaml documents with their meaning and status (a test holds the two equal).
/// </summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:payouts:problem:";

    public const string InvalidRequest = "invalid-request";
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not-found";
    public const string PeriodNotDue = "period-not-due";
    public const string ContractVersionExists = "contract-version-exists";
    public const string RateVersionExists = "rate-version-exists";
    public const string RateInsideIssuedPeriod = "rate-inside-issued-period";
    public const string NotVoidable = "not-voidable";
    public const string NotLatestStatement = "not-latest-statement";
    public const string AlreadyReissued = "already-reissued";
    public const string StatementBusy = "statement-busy";
    public const string ReissueBlocked = "reissue-blocked";
    public const string TooLarge = "too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string RateLimited = "rate-limited";
    public const string Internal = "internal";
    public const string Unavailable = "unavailable";
    public const string FormatNotStored = "format-not-stored";
    public const string PayoutBatchPending = "payout-batch-pending";
    public const string DebtorNotConfigured = "debtor-not-configured";
    public const string NoTransfers = "no-transfers";

    public static IReadOnlyList<string> All { get; } =
    [
        InvalidRequest, Unauthenticated, Forbidden, NotFound, PeriodNotDue, ContractVersionExists, RateVersionExists,
        RateInsideIssuedPeriod, NotVoidable, NotLatestStatement, AlreadyReissued, StatementBusy, ReissueBlocked, TooLarge,
        UnsupportedMediaType, RateLimited, Internal, Unavailable, FormatNotStored,
        PayoutBatchPending, DebtorNotConfigured, NoTransfers,
    ];
}
