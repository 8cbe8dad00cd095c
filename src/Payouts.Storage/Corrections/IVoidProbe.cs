namespace Payouts.Storage.Corrections;

/// <summary>
/// Called by <see cref="RecordVoider"/> as it passes each <see cref="VoidStep"/>. Production registers
/// <see cref="NoVoidProbe"/>; fault tests pass one that throws at a chosen step, as a crash would.
/// </summary>
public interface IVoidProbe
{
    ValueTask AtAsync(VoidStep step, string creatorId, CancellationToken ct);
}
