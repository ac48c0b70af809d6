using System.Data.Common;
using System.Text.Json;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Server.Scheduling;
using AccountPlaybooks.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace AccountPlaybooks.IntegrationTests.Scheduling;

/// Two hosts in a row on one job store: what the first stored is still there for the second, once.
public abstract class QuartzStore(DatabaseProvider provider) : IAsyncLifetime
{
    private const string NightlyCron = "0 30 3 * * ?";
    private const string WeeklyCron = "0 15 4 ? * MON";

    private TestDatabase _database = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("accountplaybooks-quartz-").FullName;
    }

    public async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task StoresFullEvaluationJobAndCronTriggerDurablyAcrossRestarts()
    {
        await using (var first = await StartAsync(NightlyCron))
        {
            var scheduler = await RunningSchedulerAsync(first);
            // A job only this host stores: finding it in the second host shows the store, not the registration, kept it.
            await scheduler.AddJob(JobBuilder.Create<ProbeJob>().WithIdentity("persistence-probe").StoreDurably().Build());
        }

        await using var second = await StartAsync(NightlyCron);
        var again = await RunningSchedulerAsync(second);

        var job = await again.GetJobDetail(SchedulerJobs.FullEvaluation);
        Assert.NotNull(job);
        Assert.True(job.Durable);
        Assert.True(job.ConcurrentExecutionDisallowed);
        Assert.NotNull(await again.GetJobDetail(new JobKey("persistence-probe")));
        Assert.True(job.RequestsRecovery);
        // The requests' one-shot trigger may come and go; the cron trigger is stored once.
        var trigger = Assert.Single((await again.GetTriggersOfJob(SchedulerJobs.FullEvaluation)).OfType<ICronTrigger>());
        Assert.Equal(SchedulerJobs.FullEvaluationCron, trigger.Key);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE JOB_NAME = 'full-evaluation' AND TRIGGER_NAME = 'full-evaluation-cron'"));
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'full-evaluation-cron'"));
    }

    [Fact]
    public async Task SchedulesConfiguredCronInUtcWithMisfireDoNothing()
    {
        await using var host = await StartAsync(NightlyCron);
        var scheduler = await RunningSchedulerAsync(host);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(SchedulerJobs.FullEvaluationCron));
        Assert.Equal(NightlyCron, trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc.Id, trigger.TimeZone.Id);
        Assert.Equal(CronTriggerMisfireInstruction.DoNothing, trigger.MisfireInstruction);
        Assert.Equal(new TimeOnly(3, 30), TimeOnly.FromTimeSpan(trigger.NextFireTimeUtc!.Value.UtcDateTime.TimeOfDay));
    }

    [Fact]
    public async Task ReplacesStoredTriggerGivenChangedCron()
    {
        await (await StartAsync(NightlyCron)).DisposeAsync();

        await using var host = await StartAsync(WeeklyCron);
        var scheduler = await RunningSchedulerAsync(host);

        var trigger = Assert.Single((await scheduler.GetTriggersOfJob(SchedulerJobs.FullEvaluation)).OfType<ICronTrigger>());
        Assert.Equal(WeeklyCron, trigger.CronExpressionString);
        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'full-evaluation-cron'"));
    }

    [Fact]
    public async Task RunsRequestedEvaluationThroughTheStoredJob()
    {
        await using var host = await StartAsync(NightlyCron);
        var scheduler = await RunningSchedulerAsync(host);
        await EvaluationsIdleAsync(host); // the start-up's run for the rules new to this database
        var executed = new ExecutedListener();
        scheduler.ListenerManager.AddJobListener(executed);

        var request = await host.Services.GetRequiredService<EvaluationRequests>().RequestAsync("rules-published");

        var (trigger, error) = await executed.Run.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(error);
        Assert.Equal(SchedulerJobs.FullEvaluationRequested, trigger);
        var run = await Eventually.GetAsync(() => FindAsync(host, request.RunId), r => r is { FinishedAt: not null }, "the requested run ends");
        Assert.Equal((EvaluationRunStatus.Completed, "rules-published"), (run!.Status, run.Trigger));
        Assert.StartsWith("scheduler ", run.Runner);
    }

    [Fact]
    public async Task ReportsSchedulerModeInHealth()
    {
        await using var host = await StartAsync(NightlyCron);
        var scheduler = await RunningSchedulerAsync(host);

        var body = await host.CreateClient().GetStringAsync("/health");

        var check = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("scheduler");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        if (provider == DatabaseProvider.Postgres)
        {
            Assert.Equal("PostgreSQL, clustered; started", check.GetProperty("description").GetString());
            Assert.NotEqual("NON_CLUSTERED", scheduler.SchedulerInstanceId);
            Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE"));
        }
        else
        {
            Assert.Equal("SQLite, not clustered; started", check.GetProperty("description").GetString());
            Assert.Equal("NON_CLUSTERED", scheduler.SchedulerInstanceId);
        }
    }

    private sealed class ProbeJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => default;
    }

    /// Hears the one full-evaluation run a test starts.
    private sealed class ExecutedListener : IJobListener
    {
        public TaskCompletionSource<(TriggerKey Trigger, Exception? Error)> Run { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => nameof(ExecutedListener);

        public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
        {
            if (context.JobDetail.Key.Equals(SchedulerJobs.FullEvaluation))
            {
                Run.TrySetResult((context.Trigger.Key, jobException));
            }
            return default;
        }
    }

    private static async Task<EvaluationRun?> FindAsync(WebApplicationFactory<Program> host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EvaluationQueue>().FindAsync(id);
    }

    private static async Task EvaluationsIdleAsync(WebApplicationFactory<Program> host) => await Eventually.GetAsync(async () =>
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EvaluationRuns
            .AnyAsync(r => r.Status == EvaluationRunStatus.Queued || r.Status == EvaluationRunStatus.Running);
    }, busy => !busy, "no evaluation is queued or running", seconds: 60);

    private string QuartzFile => Path.Combine(_folder, "quartz", "quartz.db");

    private async Task<WebApplicationFactory<Program>> StartAsync(string cron)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", provider.ToString());
            web.UseSetting("Database:ConnectionString", _database.ConnectionString);
            web.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
            web.UseSetting("Scheduling:Enabled", "true");
            web.UseSetting("Scheduling:SqliteFile", QuartzFile); // a folder that does not exist yet
            web.UseSetting("Evaluation:Cron", cron);
            web.UseSetting("Rules:Folder", RepoPaths.Rules);
            web.UseSetting("Rules:Watch", "false");
        });
        _ = factory.Server;
        await RunningSchedulerAsync(factory);
        return factory;
    }

    /// The hosted service starts the scheduler once the application has started, a moment after the server is up.
    private static async Task<IScheduler> RunningSchedulerAsync(WebApplicationFactory<Program> host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        for (var waited = 0; scheduler.Status != SchedulerStatus.Running; waited += 50)
        {
            Assert.True(waited < 15_000, $"the scheduler did not start: {scheduler.Status}");
            await Task.Delay(50);
        }
        return scheduler;
    }

    /// Reads the job store's own tables: Quartz's file in SQLite mode, the app's database in PostgreSQL mode.
    private async Task<long> CountAsync(string sql)
    {
        await using DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(_database.ConnectionString)
            : new SqliteConnection($"Data Source={QuartzFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class QuartzStoreOnSqlite() : QuartzStore(DatabaseProvider.Sqlite);

public sealed class QuartzStoreOnPostgres() : QuartzStore(DatabaseProvider.Postgres);
