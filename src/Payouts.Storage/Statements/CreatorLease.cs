using System.Net;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using Payouts.Application.Statements;

namespace Payouts.Storage.Statements;

/// <summary>
/// A builder's lease on one creator's statements: row "lease" in the creator's Statements partition. It is the fence
/// of every write a builder makes: the commit and a blocked marker are transactions that include
/// <see cref="FenceAction"/> (the lease row, conditional on the ETag this holder last saw), so a holder whose lease
/// expired and was taken over cannot commit anything. While a build runs the lease is renewed every third of its
/// duration; a renewal that finds the lease taken marks it lost and cancels <see cref="Lost"/>.
/// </summary>
public sealed class CreatorLease : ICreatorLease
{
    private const string Row = "lease";
    private readonly TableClient _statements;
    private readonly IClock _clock;
    private readonly Duration _duration;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _renewal;
    private ETag _etag;

    private CreatorLease(TableClient statements, string creatorId, ETag etag, IClock clock, Duration duration)
    {
        _statements = statements;
        CreatorId = creatorId;
        _etag = etag;
        _clock = clock;
        _duration = duration;
        _renewal = RenewAsync();
    }

    public string CreatorId { get; }

    /// <summary>The adapter's own lease behind the port (fenced writes need its ETag).</summary>
    public static CreatorLease Of(ICreatorLease lease) =>
        lease as CreatorLease ?? throw new ArgumentException("Not a lease of this storage adapter.", nameof(lease));

    /// <summary>Cancelled as soon as the lease is known to be lost.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>
    /// Takes the lease: an insert when no row exists (a released lease is deleted, so that is the usual case, one
    /// request); otherwise the row is read and taken over only once it has expired. Null while another holder has it.
    /// </summary>
    public static async Task<CreatorLease?> TryAcquireAsync(TableClient statements, string creatorId, IClock clock, Duration duration, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var lease = Entity(creatorId, now + duration);
        try
        {
            var added = await statements.AddEntityAsync(lease, ct);
            return new CreatorLease(statements, creatorId, added.Headers.ETag!.Value, clock, duration);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            // A row exists: held, or left behind by a holder that died.
        }

        var existing = await statements.GetEntityIfExistsAsync<TableEntity>(creatorId, Row, cancellationToken: ct);
        if (!existing.HasValue || existing.Value!.GetDateTimeOffset("ExpiresAt") is { } expires && Instant.FromDateTimeOffset(expires) > now)
        {
            // Released between the two requests (the next attempt takes it), or still held.
            return null;
        }

        try
        {
            var taken = await statements.UpdateEntityAsync(lease, existing.Value.ETag, TableUpdateMode.Replace, ct);
            return new CreatorLease(statements, creatorId, taken.Headers.ETag!.Value, clock, duration);
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs one fenced transaction in the creator's partition: <paramref name="actions"/> plus the lease row, conditional
    /// on this holder's ETag (and extended). False when a condition failed: the lease was lost, or another action's
    /// condition did not hold (LeaseLost tells which).
    /// </summary>
    public async Task<(bool Committed, bool LeaseLost)> SubmitFencedAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (IsLost)
            {
                return (false, true);
            }

            var all = new List<TableTransactionAction>(actions.Count + 1) { FenceAction() };
            all.AddRange(actions);
            try
            {
                var responses = await _statements.SubmitTransactionAsync(all, ct);
                _etag = responses.Value[0].Headers.ETag ?? _etag;
                return (true, false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                if (ex.FailedTransactionActionIndex is 0 || ex.FailedTransactionActionIndex is null && !await StillHeldAsync(ct))
                {
                    await _lost.CancelAsync();
                    return (false, true);
                }

                return (false, false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lost.CancelAsync();
        await _renewal;
        await _gate.WaitAsync();
        try
        {
            await _statements.DeleteEntityAsync(CreatorId, Row, _etag);
        }
        catch (RequestFailedException)
        {
            // Expired and taken over, or already gone: the lease times out on its own either way.
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
            _lost.Dispose();
        }
    }

    private TableTransactionAction FenceAction() =>
        new(TableTransactionActionType.UpdateReplace, Entity(CreatorId, _clock.GetCurrentInstant() + _duration), _etag);

    private async Task<bool> StillHeldAsync(CancellationToken ct)
    {
        var row = await _statements.GetEntityIfExistsAsync<TableEntity>(CreatorId, Row, cancellationToken: ct);
        return row.HasValue && row.Value!.ETag == _etag;
    }

    private async Task RenewAsync()
    {
        var every = (_duration / 3).ToTimeSpan();
        while (!_lost.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, _lost.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await _gate.WaitAsync();
            try
            {
                if (_lost.IsCancellationRequested)
                {
                    return;
                }

                var renewed = await _statements.UpdateEntityAsync(Entity(CreatorId, _clock.GetCurrentInstant() + _duration), _etag, TableUpdateMode.Replace);
                _etag = renewed.Headers.ETag ?? _etag;
            }
            catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                await _lost.CancelAsync();
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or TimeoutException)
            {
                // Storage briefly unavailable: the next renewal or the fenced commit decides.
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private static TableEntity Entity(string creatorId, Instant expiresAt) => new(creatorId, Row) { ["ExpiresAt"] = expiresAt.ToDateTimeOffset() };
}
