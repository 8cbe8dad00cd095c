using Azure;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Application.Periods;
using Payouts.Application.Statements;
using Payouts.Functions.Admin;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Corrections;

namespace Payouts.Functions.Tests.Statements;

/// <summary>
/// A void that fails halfway is finished by calling again: after its gift's quantity is reserved (the retry reuses the
/// reservation instead of finding nothing left), and after its row is written but before the blocked statements are
/// sent (the retry answers alreadyVoided and sends them). Faults are real: the function classes are built with a
/// probe that throws at the step, or a statement-jobs queue that refuses the message. Year 2067 is these tests' own.
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class VoidRetryTests(PayoutsAppFixture app) : VoidTestBase(app)
{
    [Fact]
    public async Task VoidThatCrashedAfterReservingTheGift_IsFinishedByTheRetry_WithTheQuantityItReserved()
    {
        var creator = await CreatorAsync("vcrash", "2067-03-20T12:00:00Z");
        var gift = Payloads.RecordId(creator, "g");
        await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("g", creator, 1000, 3, "2067-03-05T20:00:00Z"),
            Payloads.Gift("r", creator, 1000, 1, "2067-03-06T20:00:00Z").With("kind", "refund").With("originalRecordId", gift),
            Payloads.Gift("keep", creator, 10, 1, "2067-03-07T20:00:00Z")));

        var crashing = new VoidRecordHttp(ActivatorUtilities.CreateInstance<CorrectionsHandler>(
            App.Services, ActivatorUtilities.CreateInstance<RecordVoider>(App.Services, (IVoidProbe)new CrashAt(VoidStep.Reserved))));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => VoidThroughAsync(crashing, "gifts", gift, "chargeback"));

        // Halfway: the 2 the refund had not taken are reserved (a further refund is refused), but nothing is voided yet.
        Assert.Equal("stored", (await RecordAuditAsync("gifts", gift)).Body.GetProperty("state").GetString());
        var refused = await PostGiftsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Gift("r2", creator, 1000, 1, "2067-03-08T20:00:00Z").With("kind", "refund").With("originalRecordId", gift)));
        Assert.Equal(["rejected"], refused.Statuses);

        var retried = await VoidAsync("gifts", gift, "chargeback");

        Assert.Equal(200, retried.Status);
        Assert.Equal("voided", retried.Body.GetProperty("result").GetString());
        var audit = (await RecordAuditAsync("gifts", gift)).Body;
        Assert.Equal("voided", audit.GetProperty("state").GetString());
        Assert.Equal(2, audit.GetProperty("void").GetProperty("quantity").GetInt64());

        // The gift, its refund and its void cancel out: only the 10-coin gift is left to count.
        var draft = (await PreviewAsync(creator, "2067-03")).Body;
        var line = Assert.Single(draft.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "gifts");
        Assert.Equal(10, line.GetProperty("coins").GetInt64());
        Assert.DoesNotContain(draft.GetProperty("lines").EnumerateArray(), l => l.GetProperty("kind").GetString() == "void");
    }

    [Fact]
    public async Task VoidWhoseRebuildWasNotSent_IsSentByTheRepeatedCall_WhichUnblocksTheStatement()
    {
        var creator = await CreatorAsync("vresend", "2067-02-10T12:00:00Z");
        var yen = Payloads.RecordId(creator, "yen");
        await PostDealsAsync(Payloads.Envelope(PayoutsAppFixture.Partner,
            Payloads.Deal("ok", creator, "50.00").With("earnedAt", "2067-01-10T10:00:00Z"),
            Payloads.Deal("yen", creator, "5000", "JPY").With("earnedAt", "2067-01-11T10:00:00Z")));
        await ClosePeriodAsync("2067-01");
        await DrainStatementJobsAsync();
        Assert.Null(await TypedHeaderAsync(creator, "2067-01"));

        var refusingQueue = new VoidRecordHttp(ActivatorUtilities.CreateInstance<CorrectionsHandler>(
            App.Services, ActivatorUtilities.CreateInstance<RecordVoider>(App.Services, (IStatementJobQueue)new RefusingJobQueue())));
        await Assert.ThrowsAsync<RequestFailedException>(() => VoidThroughAsync(refusingQueue, "deals", yen, "sent in the wrong currency"));
        Assert.Equal("voided", (await RecordAuditAsync("deals", yen)).Body.GetProperty("state").GetString());
        await DrainStatementJobsAsync();
        Assert.Null(await TypedHeaderAsync(creator, "2067-01"));

        var again = await VoidAsync("deals", yen, "sent in the wrong currency");

        Assert.Equal(200, again.Status);
        Assert.Equal("alreadyVoided", again.Body.GetProperty("result").GetString());
        Assert.Equal(["2067-01"], again.Body.GetProperty("rebuilding").EnumerateArray().Select(p => p.GetString()));
        await DrainStatementJobsAsync();
        Assert.Equal(5000 - 750, (await TypedHeaderAsync(creator, "2067-01"))!.Totals.Net);
        Assert.Empty((await ListStatementsAsync(creator)).Body.GetProperty("blocked").EnumerateArray());
    }

    /// <summary>Throws at one step of the void, as if the process died there.</summary>
    private sealed class CrashAt(VoidStep step) : IVoidProbe
    {
        public ValueTask AtAsync(VoidStep at, string creatorId, CancellationToken ct) =>
            at == step ? throw new SimulatedCrashException($"void of {creatorId} crashed at {at}") : ValueTask.CompletedTask;
    }

    /// <summary>statement-jobs refusing every message, as storage does when it is throttled or unreachable.</summary>
    private sealed class RefusingJobQueue : IStatementJobQueue
    {
        public Task SendAsync(StatementJob job, TimeSpan delay, CancellationToken ct) => throw new RequestFailedException(503, "The queue is not reachable.");
    }
}
