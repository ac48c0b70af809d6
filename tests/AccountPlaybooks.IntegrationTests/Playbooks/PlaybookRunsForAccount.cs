using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// Delay → WaitForSignal(timeout) → Decision → End for real accounts: the delay fires from the sweeper, a matching
/// signal resumes the wait once (a replay does not), and the timeout path runs when no signal comes.
public abstract class PlaybookRunsForAccount<TApp>(TApp app) : IClassFixture<TApp> where TApp : DelayWaitDecisionApp
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private Task EnterTier2Async(string id) => ScoredAccounts.EnterTier2Async(app, id);

    private Task<Domain.Playbooks.PlaybookInstance> InstanceAsync(string accountId) =>
        app.WithDbAsync(db => db.PlaybookInstances.AsNoTracking().SingleAsync(i => i.AccountId == accountId && i.DefinitionId == "tier2-follow-up"));

    private Task<List<string>> WaitingAtAsync(string instanceId) =>
        app.WithDbAsync(db => db.WaitingBookmarks.Where(b => b.InstanceId == instanceId).Select(b => b.NodeId + "/" + b.Kind).OrderBy(n => n).ToListAsync());

    private Task<List<string>> PathAsync(string instanceId) =>
        app.WithDbAsync(db => db.JournalLines.Where(j => j.InstanceId == instanceId && j.Event == "Completed")
            .OrderBy(j => j.Id).Select(j => j.NodeId + ":" + j.Port).ToListAsync());

    private async Task<TimerSweeper.SweepResult> SweepAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync();
    }

    [Fact]
    public async Task FiresTheDelayThenResumesOnceOnTheReply()
    {
        await EnterTier2Async("pb-reply");
        var instance = await InstanceAsync("pb-reply");
        Assert.Equal(("Waiting", "tier entered Tier2", 1), (instance.Status, instance.StartedBy, instance.DefinitionVersion));
        Assert.Equal(["delay/timer"], await WaitingAtAsync(instance.Id));

        Assert.Equal(0, (await SweepAsync()).Fired); // not due yet
        app.Clock.Advance(Day + TimeSpan.FromMinutes(1));
        Assert.True((await SweepAsync()).Fired >= 1);
        Assert.Equal(["wait/signal", "wait/timer"], await WaitingAtAsync(instance.Id));

        var reply = new { id = "pb-reply-r1", accountId = "pb-reply", type = "email_reply", occurredAt = app.Clock.GetUtcNow() };
        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30", reply)).ReadAsync<Api.ImportResult>();

        Assert.Equal("Finished", (await InstanceAsync("pb-reply")).Status);
        Assert.Equal(["start:Done", "delay:Done", "wait:Received", "decide:True"], await PathAsync(instance.Id));
        Assert.Empty(await WaitingAtAsync(instance.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.DueTimers.CountAsync(t => t.InstanceId == instance.Id)));

        var replay = await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30", reply)).ReadAsync<Api.ImportResult>();
        var another = new { id = "pb-reply-r2", accountId = "pb-reply", type = "email_reply", occurredAt = app.Clock.GetUtcNow() };
        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30", another)).ReadAsync<Api.ImportResult>();
        Assert.Equal(1, replay.Duplicates);
        Assert.Equal(1, await app.WithDbAsync(db => db.JournalLines.CountAsync(j => j.InstanceId == instance.Id && j.Event == "Resumed" && j.NodeId == "wait")));
    }

    [Fact]
    public async Task ResumesWithASignalThatArrivedWhileItsWaitWasBeingStored()
    {
        await EnterTier2Async("pb-race");
        var instance = await InstanceAsync("pb-race");
        app.Clock.Advance(Day + TimeSpan.FromMinutes(1));
        // Delivered (and found no wait) just as the delay fired: only the row is there, as after a lost race.
        await app.WithDbAsync(async db =>
        {
            db.Signals.Add(new Domain.Signals.Signal
            {
                Id = "pb-race-r1", AccountId = "pb-race", Type = "email_reply",
                OccurredAt = app.Clock.GetUtcNow().UtcDateTime, ReceivedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });

        await SweepAsync();

        Assert.Equal("Finished", (await InstanceAsync("pb-race")).Status);
        Assert.Equal(["start:Done", "delay:Done", "wait:Received", "decide:True"], await PathAsync(instance.Id));
    }

    [Fact]
    public async Task TakesTheTimeoutPathWhenNoReplyComes()
    {
        await EnterTier2Async("pb-silent");
        var instance = await InstanceAsync("pb-silent");

        app.Clock.Advance(Day + TimeSpan.FromMinutes(1));
        await SweepAsync();
        app.Clock.Advance(3 * Day + TimeSpan.FromMinutes(1));
        await SweepAsync();

        Assert.Equal("Finished", (await InstanceAsync("pb-silent")).Status);
        Assert.Equal(["start:Done", "delay:Done", "wait:TimedOut"], await PathAsync(instance.Id));
        Assert.Empty(await WaitingAtAsync(instance.Id));
        Assert.Equal(0, (await SweepAsync()).Fired);
    }

    [Fact]
    public async Task LeavesOnAnExitSignalAndDoesNotEnrollAgain()
    {
        await EnterTier2Async("pb-unsub");
        var instance = await InstanceAsync("pb-unsub");

        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30",
            new { id = "pb-unsub-u", accountId = "pb-unsub", type = "unsubscribe", occurredAt = app.Clock.GetUtcNow() })).ReadAsync<Api.ImportResult>();

        var ended = await InstanceAsync("pb-unsub");
        Assert.Equal(("Cancelled", "exit: signal unsubscribe"), (ended.Status, ended.EndReason));
        Assert.Empty(await WaitingAtAsync(instance.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.DueTimers.CountAsync(t => t.InstanceId == instance.Id)));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var enrollment = scope.ServiceProvider.GetRequiredService<PlaybookEnrollment>();
        var catalog = scope.ServiceProvider.GetRequiredService<PlaybookCatalog>();
        Assert.Null(await enrollment.StartAsync(catalog.GetPublished("tier2-follow-up")!, "pb-unsub", "test"));
    }
}

public sealed class PlaybookRunsForAccountOnSqlite(DelayWaitDecisionOnSqlite app) : PlaybookRunsForAccount<DelayWaitDecisionOnSqlite>(app);

public sealed class PlaybookRunsForAccountOnPostgres(DelayWaitDecisionOnPostgres app) : PlaybookRunsForAccount<DelayWaitDecisionOnPostgres>(app);
