using System.Globalization;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Functions.Ingestion;
using Payouts.Functions.Statements;
using Payouts.Functions.Tests.Infrastructure;
using Payouts.Storage.Statements;
using Payouts.Storage.Tables;
using Xunit.Abstractions;
using Payouts.Application.Statements;

namespace Payouts.Functions.Tests.Simulation;

/// <summary>
/// A seeded randomized run in the spirit of TigerBeetle's simulator: month after month, records arrive over HTTP and
/// the queue (some resent, some late, some in the next month's grace), the close timer fires (sometimes twice at once)
/// and statement jobs are delivered with faults drawn from the seed: duplicate deliveries, builders that die at a
/// step, storage answering 503, builders frozen past their lease while another builds. After every month it checks,
/// against its own record of what was accepted, that every record is counted exactly once, the statements' deal
/// totals equal what was accepted, and no issued statement changed. A failing seed is printed and replays the same
/// run: <c>PAYOUTS_SIM_SEED=… PAYOUTS_SIM_MONTHS=… dotnet test --filter ExactlyOnceSimulation</c>
/// (bench/simulate.sh runs a long one).
/// </summary>
[Collection(StatementsCollection.Name)]
public sealed class ExactlyOnceSimulation(PayoutsAppFixture app, ITestOutputHelper output) : PipelineTestBase(app)
{
    private static readonly BuildStep[] Steps = Enum.GetValues<BuildStep>();

    [Fact]
    public async Task SeededRun_EveryRecordCountedExactlyOnce_IssuedStatementsNeverChange()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PAYOUTS_SIM_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Environment.TickCount;
        var months = int.TryParse(Environment.GetEnvironmentVariable("PAYOUTS_SIM_MONTHS"), CultureInfo.InvariantCulture, out var m) ? m : 4;
        output.WriteLine($"simulation seed {seed}, {months} months (replay: PAYOUTS_SIM_SEED={seed} PAYOUTS_SIM_MONTHS={months})");
        try
        {
            await RunAsync(new Random(seed), months);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Simulation failed with seed {seed} ({months} months); replay with PAYOUTS_SIM_SEED={seed} PAYOUTS_SIM_MONTHS={months}.", ex);
        }
    }

    private async Task RunAsync(Random random, int months)
    {
        // Its own years, far from every other test's months; a run of many months walks forward from there.
        var first = new DateOnly(2070 + random.Next(0, 20), 1, 1);
        var model = new SimulationModel();
        var creators = Enumerable.Range(0, 4).Select(i => Payloads.Unique($"sim{i}")).ToList();
        SetClock(At(first, 1, 12));
        await PutWorldRatesAsync();
        await PutAgencyAsync(webhookUrl: null);
        foreach (var creator in creators)
        {
            await PutCreatorAsync(creator, minimumPayout: "0.00");
        }

        for (var month = 0; month < months; month++)
        {
            var start = first.AddMonths(month);
            SetClock(At(start, 15, 12));
            await IngestMonthAsync(random, model, creators, start, first);

            // Inside the month's grace, a late record of the month itself.
            SetClock(At(start.AddMonths(1), 1, 12));
            if (random.Next(3) == 0)
            {
                await SendAsync(random, model, [model.NewDeal(creators[random.Next(creators.Count)], start, random)]);
            }

            SetClock(At(start.AddMonths(1), 3, 1));
            await (random.Next(4) == 0 ? Task.WhenAll(RunCloseTimerAsync(), RunCloseTimerAsync()) : RunCloseTimerAsync());
            await DeliverJobsWithFaultsAsync(random);
            await RunWebhookTimerAsync();
            await CheckAsync(model, creators, Key(start));
        }
    }

    private async Task IngestMonthAsync(Random random, SimulationModel model, List<string> creators, DateOnly month, DateOnly first)
    {
        for (var batch = 0; batch < 3; batch++)
        {
            var records = new List<SimulatedDeal>();
            foreach (var creator in creators.Where(_ => random.Next(3) > 0))
            {
                records.Add(model.NewDeal(creator, month, random));
                if (month > first && random.Next(4) == 0)
                {
                    records.Add(model.NewDeal(creator, month.AddMonths(-1), random));
                }
            }

            if (records.Count > 0)
            {
                await SendAsync(random, model, records);
                if (random.Next(4) == 0)
                {
                    await SendAsync(random, model, records);
                }
            }
        }
    }

    /// <summary>Over signed HTTP or through the deals queue; the model learns a record was accepted only from the app's answer or the stored count.</summary>
    private async Task SendAsync(Random random, SimulationModel model, List<SimulatedDeal> records)
    {
        var envelope = Payloads.Envelope(PayoutsAppFixture.Partner, [.. records.Select(r => r.ToJson())]);
        if (random.Next(2) == 0)
        {
            var response = await PostDealsAsync(envelope);
            Assert.Equal(200, response.Status);
            Assert.All(response.Statuses, status => Assert.True(status is "accepted" or "duplicate", $"unexpected {status}"));
        }
        else
        {
            var message = QueuesModelFactory.QueueMessage("sim-" + Guid.NewGuid().ToString("N"), "pop", envelope, dequeueCount: 1);
            await ActivatorUtilities.CreateInstance<IngestDealsQueue>(App.Services).Run(message, CancellationToken.None);
        }

        model.Accept(records);
    }

    private async Task DeliverJobsWithFaultsAsync(Random random)
    {
        var queue = new QueueClient(App.ConnectionString, QueueNames.StatementJobs);
        for (var round = 0; round < 200; round++)
        {
            QueueMessage[] messages = await queue.ReceiveMessagesAsync(maxMessages: 8, visibilityTimeout: TimeSpan.FromSeconds(1));
            if (messages.Length == 0)
            {
                if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
                {
                    return;
                }

                await Task.Delay(200);
                continue;
            }

            foreach (var message in messages)
            {
                var fault = (SimulationFault)random.Next(Enum.GetValues<SimulationFault>().Length);
                var creatorIds = Payloads.Parse(message.Body.ToString()).GetProperty("creatorIds").EnumerateArray().Select(c => c.GetString()!).ToList();
                var victim = creatorIds[random.Next(creatorIds.Count)];
                var step = Steps[random.Next(Steps.Length)];
                output.WriteLine($"job {message.MessageId[..8]} ({creatorIds.Count} creators): {fault} {(fault is SimulationFault.None or SimulationFault.DuplicateConcurrent ? string.Empty : $"{victim} at {step}")}");
                try
                {
                    await DeliverAsync(message, fault, victim, step);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (Exception ex) when (ex is SimulatedCrashException or RequestFailedException)
                {
                    // As the host: the message stays and comes back once its visibility times out.
                }
            }
        }

        throw new TimeoutException("statement-jobs did not drain.");
    }

    private async Task DeliverAsync(QueueMessage message, SimulationFault fault, string victim, BuildStep step)
    {
        switch (fault)
        {
            case SimulationFault.DuplicateConcurrent:
                await Task.WhenAll(Job(message), Job(message));
                break;
            case SimulationFault.Crash:
                App.Probe.CrashAt(victim, step);
                await Job(message);
                break;
            case SimulationFault.StorageUnavailable:
                App.Probe.Arm(victim, step, (_, _) => throw new RequestFailedException(503, "simulated: storage unavailable"));
                await Job(message);
                break;
            case SimulationFault.PausedPastLease:
                await PausedPastLeaseAsync(message, victim, step);
                break;
            default:
                await Job(message);
                break;
        }

        App.Probe.Disarm(victim, step);
    }

    /// <summary>The victim's builder freezes at the step; the clock passes its lease; a second delivery builds; the first wakes.</summary>
    private async Task PausedPastLeaseAsync(QueueMessage message, string victim, BuildStep step)
    {
        var paused = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        App.Probe.Arm(victim, step, async (_, _) =>
        {
            paused.TrySetResult();
            await release.Task;
        });
        var frozen = Job(message);
        var reached = await Task.WhenAny(paused.Task, frozen) == paused.Task;
        if (reached)
        {
            App.Time.Advance(App.Options.StatementLease + TimeSpan.FromSeconds(1));
            await Job(message);
        }

        release.TrySetResult();
        await frozen;
    }

    private Task Job(QueueMessage message) => Function<BuildStatementsQueue>().Run(message, CancellationToken.None);

    private async Task CheckAsync(SimulationModel model, List<string> creators, string closedThrough)
    {
        foreach (var creator in creators)
        {
            var headers = await App.Services.GetRequiredService<StatementStore>().ListHeadersAsync(creator, CancellationToken.None);
            model.CheckUnchanged(creator, headers);
            var expected = model.AcceptedThrough(creator, closedThrough);
            Assert.Equal(expected.Count, headers.Sum(h => h.RecordCount));
            Assert.Equal(expected.Sum(d => d.AmountMinor), headers.Sum(h => h.Totals.Deals));
        }

        foreach (var period in model.Periods.Where(p => string.CompareOrdinal(p, closedThrough) <= 0))
        {
            var records = (await GetPeriodAsync(period)).Body.GetProperty("records");
            var stored = records.GetProperty("stored").GetInt64();
            Assert.Equal(model.StoredIn(period, creators), stored);
            Assert.Equal(stored, records.GetProperty("countedInThisPeriod").GetInt64() + records.GetProperty("countedLaterAsAdjustments").GetInt64());
            Assert.Equal(0, records.GetProperty("notYetCounted").GetInt64());
        }
    }

    private static string At(DateOnly month, int day, int hourUtc) =>
        new DateTimeOffset(month.Year, month.Month, day, hourUtc, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
