using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;

namespace Payouts.Functions.Tests.Statements;

/// <summary>The lease behind every fenced write, against Azurite: renewed while held, useless once taken over.</summary>
[Collection(StatementsCollection.Name)]
public sealed class CreatorLeaseTests(PayoutsAppFixture app) : PipelineTestBase(app)
{
    private static readonly Duration Short = Duration.FromSeconds(6);

    [Fact]
    public async Task HeldLease_IsRenewedEveryThirdOfItsDuration_AndStillFencesWrites()
    {
        var creator = Payloads.Unique("renew");
        var table = App.Tables.GetTableClient(TableNames.Statements);
        await using var lease = await CreatorLease.TryAcquireAsync(table, creator, App.Services.GetRequiredService<IClock>(), Short, CancellationToken.None);
        Assert.NotNull(lease);
        var first = (await table.GetEntityAsync<TableEntity>(creator, "lease")).Value.ETag;

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.NotEqual(first, (await table.GetEntityAsync<TableEntity>(creator, "lease")).Value.ETag);
        var (committed, lost) = await lease.SubmitFencedAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(creator, "probe"))], CancellationToken.None);
        Assert.True(committed);
        Assert.False(lost);
    }

    [Fact]
    public async Task ExpiredLeaseTakenOver_FailsItsFencedWrite_AndSignalsLost()
    {
        var creator = Payloads.Unique("taken");
        var table = App.Tables.GetTableClient(TableNames.Statements);
        var clock = App.Services.GetRequiredService<IClock>();
        await using var stale = await CreatorLease.TryAcquireAsync(table, creator, clock, Duration.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(stale);
        Assert.Null(await CreatorLease.TryAcquireAsync(table, creator, clock, Duration.FromMinutes(5), CancellationToken.None));

        App.Time.Advance(TimeSpan.FromMinutes(6));
        await using var taker = await CreatorLease.TryAcquireAsync(table, creator, clock, Duration.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(taker);

        var (committed, lost) = await stale.SubmitFencedAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(creator, "probe"))], CancellationToken.None);
        Assert.False(committed);
        Assert.True(lost);
        Assert.True(stale.Lost.IsCancellationRequested);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(creator, "probe")).HasValue);
    }

    [Fact]
    public async Task ReleasedLease_LeavesNoRow_SoTheNextHolderTakesItByInsert_AndAHeldOneIsUntouched()
    {
        var creator = Payloads.Unique("release");
        var table = App.Tables.GetTableClient(TableNames.Statements);
        var clock = App.Services.GetRequiredService<IClock>();
        var first = await CreatorLease.TryAcquireAsync(table, creator, clock, Duration.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(first);
        var held = (await table.GetEntityAsync<TableEntity>(creator, "lease")).Value.ETag;

        Assert.Null(await CreatorLease.TryAcquireAsync(table, creator, clock, Duration.FromMinutes(5), CancellationToken.None));
        Assert.Equal(held, (await table.GetEntityAsync<TableEntity>(creator, "lease")).Value.ETag);

        await first.DisposeAsync();
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(creator, "lease")).HasValue);
        await using var next = await CreatorLease.TryAcquireAsync(table, creator, clock, Duration.FromMinutes(5), CancellationToken.None);
        Assert.NotNull(next);
        var (committed, _) = await next.SubmitFencedAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(creator, "probe"))], CancellationToken.None);
        Assert.True(committed);
    }
}
