using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Cli.CliCommand;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// `evaluate` requests the run through the server's Quartz store (a server runs it, after a restart too); with
/// scheduling off, or `--now`, it runs in the CLI's process, taking its turn like any runner.
public sealed class CliEvaluate : IAsyncLifetime
{
    private static readonly string[] Variables = ["Database__ConnectionString", "Rules__Folder", "Scheduling__Enabled", "Scheduling__SqliteFile"];
    private readonly Dictionary<string, string?> _previous = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private TestDatabase _database = null!;
    private string _folder = null!;

    private string QuartzFile => Path.Combine(_folder, "quartz.db");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _folder = Directory.CreateTempSubdirectory("accountplaybooks-cli-evaluate-").FullName;
        Environment.SetEnvironmentVariable("Database__ConnectionString", _database.ConnectionString);
        Environment.SetEnvironmentVariable("Rules__Folder", RepoPaths.Rules);
        Environment.SetEnvironmentVariable("Scheduling__SqliteFile", QuartzFile);
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        var accounts = Path.Combine(_folder, "accounts.csv");
        await File.WriteAllTextAsync(accounts, ScoredAccounts.GoodFitCsv);
        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
    }

    public async Task DisposeAsync()
    {
        foreach (var (variable, value) in _previous)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<T> QueryAsync<T>(Func<SqliteDbContext, Task<T>> query) => CliCommand.QueryAsync(_database.ConnectionString, query);

    [Fact]
    public async Task RunsInItsOwnProcessAndReportsTheRunGivenSchedulingOff()
    {
        Environment.SetEnvironmentVariable("Scheduling__Enabled", "false");

        var (exit, output) = await RunAsync("evaluate", "--rules", RepoPaths.Rules);

        Assert.Equal(0, exit);
        Assert.Matches("evaluation [0-9a-f-]{36} Completed: 3 accounts", output);
        var run = Assert.Single(await QueryAsync(db => db.EvaluationRuns.Where(r => r.Status == EvaluationRunStatus.Completed).ToListAsync()));
        Assert.StartsWith($"cli {Environment.MachineName} pid ", run.Runner);
    }

    [Fact]
    public async Task ExitsWith4NamingTheRunningRunAndLeavesItsOwnQueuedGivenNowWhileAnotherRuns()
    {
        var running = new EvaluationRun
        {
            Id = Guid.NewGuid(), Trigger = "schedule", RulesetVersion = "none", RequestedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow,
            Status = EvaluationRunStatus.Running, Runner = "scheduler node-a",
        };
        await QueryAsync(async db => { db.EvaluationRuns.Add(running); return await db.SaveChangesAsync(); });

        var (exit, output) = await RunAsync("evaluate", "--now", "--rules", RepoPaths.Rules);

        Assert.Equal(4, exit);
        Assert.Contains($"evaluation {running.Id} is running on scheduler node-a", output);
        Assert.Equal(1, await QueryAsync(db => db.EvaluationRuns.CountAsync(r => r.Status == EvaluationRunStatus.Queued)));
    }

    [Fact]
    public async Task QueuesInTheServersStoreAndTheNextServerStartRunsIt()
    {
        await (await StartServerAsync()).DisposeAsync(); // a server has stored the evaluation job, and stopped

        var (exit, output) = await RunAsync("evaluate", "--rules", RepoPaths.Rules);

        Assert.Equal(0, exit);
        // Queued, or joined to the run the stopped server's start-up left queued: either way one run waits for a server.
        var runId = Guid.Parse(System.Text.RegularExpressions.Regex.Match(output, "evaluation ([0-9a-f-]{36}) (was already )?queued").Groups[1].Value);
        Assert.Contains("A running server starts it", output);
        await using var server = await StartServerAsync();
        var run = await Eventually.GetAsync(() => QueryAsync(db => db.EvaluationRuns.SingleAsync(r => r.Id == runId)),
            r => r.FinishedAt is not null, "the CLI's run ends on the server", 60);
        Assert.Equal((EvaluationRunStatus.Completed, 3), (run.Status, run.Accounts));
        Assert.StartsWith("scheduler ", run.Runner);
    }

    private async Task<WebApplicationFactory<Program>> StartServerAsync()
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", "Sqlite");
            web.UseSetting("Database:ConnectionString", _database.ConnectionString);
            web.UseSetting("Logging:Folder", Path.Combine(_folder, "logs"));
            web.UseSetting("Scheduling:Enabled", "true");
            web.UseSetting("Scheduling:SqliteFile", QuartzFile);
            web.UseSetting("Rules:Folder", RepoPaths.Rules);
            web.UseSetting("Rules:Watch", "false");
        });
        _ = factory.Server;
        await Eventually.GetAsync(() => QueryAsync(db => db.EvaluationRuns.AnyAsync(r => r.Status == EvaluationRunStatus.Queued || r.Status == EvaluationRunStatus.Running)),
            busy => !busy, "the server's start-up evaluation ends", 60);
        return factory;
    }
}
