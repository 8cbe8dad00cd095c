namespace Payouts.Application.Periods;

/// <summary>Open → Closing (statement jobs being sent) → Closed (every job sent; statements follow asynchronously).</summary>
public enum PeriodStatus
{
    Open,
    Closing,
    Closed,
}
