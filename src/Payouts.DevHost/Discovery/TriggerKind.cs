namespace Payouts.DevHost.Discovery;

/// <summary>The trigger types the DevHost serves; the names are those of <c>functions.metadata</c>.</summary>
public enum TriggerKind
{
    HttpTrigger,
    QueueTrigger,
    TimerTrigger,
}
