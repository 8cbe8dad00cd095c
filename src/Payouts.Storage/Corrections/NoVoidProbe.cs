namespace Payouts.Storage.Corrections;

/// <summary>The production probe: does nothing.</summary>
public sealed class NoVoidProbe : IVoidProbe
{
    public ValueTask AtAsync(VoidStep step, string creatorId, CancellationToken ct) => ValueTask.CompletedTask;
}
