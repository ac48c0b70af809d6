using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AccountPlaybooks.IntegrationTests.Scheduling;

/// Every full re-evaluation goes through Quartz's persistent store: requests queue a run row and the one
/// "evaluation-requested" trigger; the run survives a restart, bursts coalesce, a run a dead process left Running
/// is shown Interrupted and run again. Scheduler stand-by holds the trigger where a test needs a run to stay queued.
public abstract class EvaluationPath(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("accountplaybooks-evaluation-path-").FullName;
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task RunsQueuedRunAfterRestartGivenHostStoppedBeforeItsTriggerFired()
    {
        Guid runId;
        await using (var first = await StartAsync())
        {
            await IdleAsync(first);
            await (await SchedulerAsync(first)).Standby(); // the trigger is stored but does not fire in this host
            var ops = await OpsClientAsync(first);

            var response = await ops.PostAsync("/api/evaluations", null);

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var queued = await response.Content.ReadFromJsonAsync<QueuedAnswer>();
            runId = queued!.RunId;
            Assert.False(queued.Joined);
            Assert.Equal($"/api/evaluations/{runId}", response.Headers.Location?.OriginalString);
            var listed = await ops.GetFromJsonAsync<List<RunAnswer>>("/api/evaluations");
            Assert.Equal((runId, "Queued"), (listed![0].Id, listed[0].Status));
            Assert.Null(listed[0].StartedAt);
            Assert.Equal(1, await CountAsync(first, r => r.Status == EvaluationRunStatus.Queued));
        }

        await using var second = await StartAsync();
        var ended = await Eventually.GetAsync(() => FindAsync(second, runId), r => r is { FinishedAt: not null }, "the queued run ends after the restart", 60);
        Assert.True(ended!.Status == EvaluationRunStatus.Completed, $"run {runId}: {ended.Status} ({ended.Error})");
        Assert.StartsWith("api (", ended.Trigger);
        Assert.StartsWith("scheduler ", ended.Runner);
        var shown = await (await OpsClientAsync(second)).GetFromJsonAsync<RunAnswer>($"/api/evaluations/{runId}");
        Assert.Equal("Completed", shown!.Status);
    }

    [Fact]
    public async Task CoalescesBurstOfRequestsIntoOneMoreRunGivenRunRunningElsewhere()
    {
        await using var host = await StartAsync();
        await IdleAsync(host);
        var scheduler = await SchedulerAsync(host);
        await scheduler.Standby();
        // A run running in another live process (this one, as a CLI would be): the burst must wait for it.
        var elsewhere = await AddRunAsync(host, EvaluationRunStatus.Running, $"cli {Environment.MachineName} pid {Environment.ProcessId}");
        var before = await CountAsync(host, _ => true);
        var ops = await OpsClientAsync(host);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            await (await ops.PostAsync("/api/evaluations", null)).Content.ReadFromJsonAsync<QueuedAnswer>()));

        var runId = Assert.Single(answers.Select(a => a!.RunId).Distinct());
        Assert.Equal(9, answers.Count(a => a!.Joined));
        var queued = await FindAsync(host, runId);
        Assert.Equal((EvaluationRunStatus.Queued, 10), (queued!.Status, queued.Requests));
        Assert.Equal(before + 1, await CountAsync(host, _ => true));

        await FinishAsync(host, elsewhere);
        await scheduler.Start();
        var ended = await Eventually.GetAsync(() => FindAsync(host, runId), r => r is { FinishedAt: not null }, "the one coalesced run ends", 60);
        Assert.Equal(EvaluationRunStatus.Completed, ended!.Status);
        await IdleAsync(host);
        Assert.Equal(before + 1, await CountAsync(host, _ => true));
    }

    [Fact]
    public async Task ShowsRunLeftRunningByDeadNodeInterruptedAndRunsItAgain()
    {
        await using (var first = await StartAsync())
        {
            await IdleAsync(first);
        }
        // What a kill -9 leaves: the row says Running, and its node is gone.
        var setup = await StartAsync(schedulingEnabled: false);
        var killed = await AddRunAsync(setup, EvaluationRunStatus.Running, "scheduler a-node-that-died");
        await setup.DisposeAsync();

        await using var second = await StartAsync();

        var interrupted = await Eventually.GetAsync(() => FindAsync(second, killed), r => r!.Status != EvaluationRunStatus.Running,
            "the killed run is marked", 60);
        Assert.Equal(EvaluationRunStatus.Interrupted, interrupted!.Status);
        Assert.NotNull(interrupted.FinishedAt);
        Assert.Contains("stopped", interrupted.Error);
        var rerunReason = $"re-run of interrupted run {killed.ToString()[..8]}";
        var rerun = await Eventually.GetAsync(async () => await WithDbAsync(second, db => db.EvaluationRuns.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Trigger == rerunReason)),
            r => r is { FinishedAt: not null }, "the re-run ends", 60);
        Assert.Equal(EvaluationRunStatus.Completed, rerun!.Status);
        var shown = await (await OpsClientAsync(second)).GetFromJsonAsync<List<RunAnswer>>("/api/evaluations");
        Assert.Contains(shown!, r => r.Id == killed && r.Status == "Interrupted");
    }

    [Fact]
    public async Task KeepsTheLiveRulesAtRestartGivenTheCostBudgetWouldRefuseThemNow()
    {
        string live;
        await using (var first = await StartAsync())
        {
            await IdleAsync(first);
            live = first.Services.GetRequiredService<RulesetRegistry>().Active!.Version;
        }

        // A restart on a machine so busy that the timed budget would refuse the same files: they are live already.
        await using var second = await StartAsync(settings: [("Rules:CostBudget:MillisecondsPerAccount", "0.0001")]);

        Assert.Equal(live, second.Services.GetRequiredService<RulesetRegistry>().Active?.Version);
        var stored = await WithDbAsync(second, db => db.Rulesets.AsNoTracking().Select(r => new { r.Id, r.Status }).ToListAsync());
        Assert.Equal(new { Id = live, Status = RulesetStatus.Active }, Assert.Single(stored));
        var queued = await (await (await OpsClientAsync(second)).PostAsync("/api/evaluations", null)).Content.ReadFromJsonAsync<QueuedAnswer>();
        var ended = await Eventually.GetAsync(() => FindAsync(second, queued!.RunId), r => r is { FinishedAt: not null }, "the run ends", 60);
        Assert.True(ended!.Status == EvaluationRunStatus.Completed, $"run {ended.Id}: {ended.Status} ({ended.Error})");
    }

    private sealed record QueuedAnswer(Guid RunId, bool Joined, string Reason);

    private sealed record RunAnswer(Guid Id, string Status, string Trigger, DateTime? StartedAt);

    private string QuartzFile => Path.Combine(_folder, "quartz.db");

    private async Task<WebApplicationFactory<Program>> StartAsync(bool schedulingEnabled = true, (string Key, string Value)[]? settings = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", provider.ToString());
            web.UseSetting("Database:ConnectionString", _database.ConnectionString);
            web.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
            web.UseSetting("Scheduling:Enabled", schedulingEnabled ? "true" : "false");
            web.UseSetting("Scheduling:SqliteFile", QuartzFile);
            web.UseSetting("Rules:Folder", RepoPaths.Rules);
            web.UseSetting("Rules:Watch", "false");
            foreach (var (key, value) in settings ?? [])
            {
                web.UseSetting(key, value);
            }
        });
        _ = factory.Server;
        if (schedulingEnabled)
        {
            await SchedulerAsync(factory);
        }
        return factory;
    }

    private static async Task<IScheduler> SchedulerAsync(WebApplicationFactory<Program> host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        for (var waited = 0; scheduler.Status != SchedulerStatus.Running; waited += 50)
        {
            Assert.True(waited < 15_000, $"the scheduler did not start: {scheduler.Status}");
            await Task.Delay(50);
        }
        return scheduler;
    }

    private static async Task<HttpClient> OpsClientAsync(WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var created = await users.AddAsync(new NewUser($"ops-{Guid.NewGuid():N}@example.test", "Test Ops", UserRole.Ops, "correct horse battery"));
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Token);
        return client;
    }

    private static async Task<T> WithDbAsync<T>(WebApplicationFactory<Program> host, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static Task<EvaluationRun?> FindAsync(WebApplicationFactory<Program> host, Guid id) =>
        WithDbAsync(host, db => db.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id));

    private static Task<int> CountAsync(WebApplicationFactory<Program> host, System.Linq.Expressions.Expression<Func<EvaluationRun, bool>> where) =>
        WithDbAsync(host, db => db.EvaluationRuns.CountAsync(where));

    private static Task IdleAsync(WebApplicationFactory<Program> host) => Eventually.GetAsync(
        () => WithDbAsync(host, db => db.EvaluationRuns.AnyAsync(r => r.Status == EvaluationRunStatus.Queued || r.Status == EvaluationRunStatus.Running)),
        busy => !busy, "no evaluation is queued or running", 60);

    private static Task<Guid> AddRunAsync(WebApplicationFactory<Program> host, EvaluationRunStatus status, string runner) => WithDbAsync(host, async db =>
    {
        var now = DateTime.UtcNow;
        var run = new EvaluationRun
        {
            Id = Guid.NewGuid(), Trigger = "test", RulesetVersion = "none", RequestedAt = now.AddMinutes(-5), StartedAt = now.AddMinutes(-4),
            Status = status, Runner = runner,
        };
        db.EvaluationRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });

    private static Task FinishAsync(WebApplicationFactory<Program> host, Guid id) => WithDbAsync(host, db => db.EvaluationRuns.Where(r => r.Id == id)
        .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, EvaluationRunStatus.Completed).SetProperty(r => r.FinishedAt, DateTime.UtcNow)));
}

public sealed class EvaluationPathOnSqlite() : EvaluationPath(DatabaseProvider.Sqlite);

public sealed class EvaluationPathOnPostgres() : EvaluationPath(DatabaseProvider.Postgres);
