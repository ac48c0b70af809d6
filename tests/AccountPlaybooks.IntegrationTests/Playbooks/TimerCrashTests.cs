using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// A sweeper killed with SIGKILL half-way through a sweep, then started again: every due timer fires exactly once in
/// effect (a batch's firing and its timers' deletion share a transaction; the unfired ones wait out their lease) and no
/// instance is lost.
public sealed class TimerCrashTests : IAsyncLifetime
{
    private const int Instances = 300;
    private const int LeaseSeconds = 1;
    private const int BatchSize = 10; // a batch commits as one: small batches so the kill lands between commits
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private TestDatabase _database = null!;
    private string _workflows = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _workflows = DelayedInstances.WriteFolder();
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [Fact]
    public async Task FiresEveryDueTimerOnceGivenSweeperKilledMidSweepAndRestarted()
    {
        // Started ten minutes ago on a one-minute delay: every timer is due for the CLI's real clock.
        await DelayedInstances.StartAsync(_database.ConnectionString, _workflows, Instances, new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(Instances, await QueryAsync(db => db.DueTimers.CountAsync()));

        int left;
        using (var crashing = SweepProcess.Start(_database.ConnectionString, _workflows, LeaseSeconds, slowMs: 200, batchSize: BatchSize))
        {
            await Eventually.GetAsync(() => QueryAsync(db => db.DueTimers.CountAsync()), count => count <= Instances - 30,
                $"the first sweep fires some timers (output: {crashing.Output})", seconds: 60);
            Assert.Equal(128 + 9, await crashing.KillAsync()); // killed by SIGKILL, not exited
            left = await QueryAsync(db => db.DueTimers.CountAsync());
        }
        Assert.InRange(left, 1, Instances - 30); // the kill landed mid-sweep
        // The batch the kill cut off (if it landed inside one rather than in the pause after a commit) stays claimed:
        // its leases hold off other sweeps until they lapse, while the unclaimed timers fire at once.
        var leased = (await QueryAsync(db => db.DueTimers.Where(t => t.LeaseUntil != null).Select(t => t.LeaseUntil!.Value).ToListAsync()));
        Assert.InRange(leased.Count, 0, BatchSize);
        var firedEarly = 0;
        if (leased.Count > 0)
        {
            var leaseEnds = leased.Max();
            firedEarly = (await SweepInProcessAsync(leaseEnds.AddMilliseconds(-1))).Fired;
            Assert.Equal(left - leased.Count, firedEarly);
            var untilLeasesLapse = leaseEnds - DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
            if (untilLeasesLapse > TimeSpan.Zero)
            {
                await Task.Delay(untilLeasesLapse);
            }
        }
        using var restarted = SweepProcess.Start(_database.ConnectionString, _workflows, LeaseSeconds);
        Assert.Equal(0, await restarted.WaitAsync(Patience));

        Assert.Contains($"timers: {left - firedEarly} fired, 0 stale, 0 failed", restarted.Output);
        Assert.Equal(0, await QueryAsync(db => db.DueTimers.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.WaitingBookmarks.CountAsync()));
        var statuses = await QueryAsync(db => db.PlaybookInstances.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal([("Finished", Instances)], statuses.Select(s => (s.Key, s.Count)));
        var resumes = await QueryAsync(db => db.JournalLines.Where(j => j.Event == "Resumed" && j.NodeId == "delay")
            .GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Instances, resumes.Count);
        Assert.All(resumes, count => Assert.Equal(1, count));
        Assert.Equal(Instances, await QueryAsync(db => db.JournalLines.CountAsync(j => j.Event == "Finished")));
    }

    /// A sweep in this process at a chosen time (the leases were written on the child's real clock).
    private async Task<TimerSweeper.SweepResult> SweepInProcessAsync(DateTime at)
    {
        await using var services = DelayedInstances.Services(_database.ConnectionString, _workflows, new FakeTimeProvider(new DateTimeOffset(at)));
        await services.GetRequiredService<PlaybookCatalog>().LoadAsync(_workflows);
        await using var scope = services.CreateAsyncScope();
        var swept = await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync();
        SqliteConnection.ClearAllPools();
        return swept;
    }

    private async Task<T> QueryAsync<T>(Func<SqliteDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>();
        SqliteDbContext.Configure(options, _database.ConnectionString);
        await using var db = new SqliteDbContext(options.Options);
        return await query(db);
    }
}
