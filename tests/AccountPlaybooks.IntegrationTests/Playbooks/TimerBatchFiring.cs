using System.Data.Common;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Postgres;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// A claimed batch of timers fires in one transaction (one commit for the batch, not one per timer), and a timer whose
/// firing fails undoes only itself: its neighbours fire in the same commit, it is retried later with its error kept.
public abstract class TimerBatchFiring(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Instances = 12;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddMinutes(-10));
    private readonly FailInstanceUpdate _fault = new();
    private readonly CountCommits _commits = new();
    private TestDatabase _database = null!;
    private string _workflows = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _workflows = DelayedInstances.WriteFolder();
        await DelayedInstances.StartAsync(_database.ConnectionString, _workflows, Instances, _clock, provider);
        _clock.Advance(TimeSpan.FromMinutes(5)); // every one-minute delay is due
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [Fact]
    public async Task FiresTheWholeBatchInOneCommit()
    {
        var swept = await SweepAsync();

        Assert.Equal(new TimerSweeper.SweepResult(Instances, 0, 0), swept);
        Assert.Equal(1, _commits.Count);
        Assert.Equal(0, _commits.RolledBack); // set-based as a whole, no per-timer fallback
        await AssertFinishedOnceAsync(Instances);
        Assert.Equal(0, await QueryAsync(db => db.DueTimers.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.WaitingBookmarks.CountAsync()));
    }

    [Fact]
    public async Task FailingTimerUndoesOnlyItselfAndTheBatchStillCommitsOnce()
    {
        var victim = await QueryAsync(db => db.PlaybookInstances.Where(i => i.AccountId == "crash-0005").Select(i => i.Id).SingleAsync());
        _fault.InstanceId = victim;

        var swept = await SweepAsync();

        Assert.Equal(new TimerSweeper.SweepResult(Instances - 1, 0, 1), swept);
        Assert.Equal(1, _commits.Count); // the set-based attempt rolled back, the per-timer one committed
        await AssertFinishedOnceAsync(Instances - 1);
        var left = await QueryAsync(db => db.DueTimers.SingleAsync());
        Assert.Equal(victim, left.InstanceId);
        Assert.Equal(1, left.Attempts);
        Assert.Contains("injected failure", left.LastError);
        Assert.True(left.LeaseUntil > _clock.GetUtcNow().UtcDateTime); // backoff, not dead
        Assert.Null(left.DeadLetteredAt);
        var victimRow = await QueryAsync(db => db.PlaybookInstances.SingleAsync(i => i.Id == victim));
        Assert.Equal("Waiting", victimRow.Status);
        Assert.Equal(0, await QueryAsync(db => db.JournalLines.CountAsync(j => j.InstanceId == victim && j.Event == "Resumed")));

        // Once the fault is gone and the backoff has passed, the retry fires it.
        _fault.InstanceId = null;
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new TimerSweeper.SweepResult(1, 0, 0), await SweepAsync());
        await AssertFinishedOnceAsync(Instances);
    }

    private async Task<TimerSweeper.SweepResult> SweepAsync()
    {
        await using var services = DelayedInstances.Services(_database.ConnectionString, _workflows, _clock, provider, services =>
        {
            services.ConfigureDbContext<SqliteDbContext>(options => options.AddInterceptors(_fault, _commits));
            services.ConfigureDbContext<PostgresDbContext>(options => options.AddInterceptors(_fault, _commits));
        });
        await services.GetRequiredService<PlaybookCatalog>().LoadAsync(_workflows);
        await using var scope = services.CreateAsyncScope();
        _commits.Count = 0;
        _commits.RolledBack = 0;
        return await scope.ServiceProvider.GetRequiredService<TimerSweeper>().SweepAsync();
    }

    private async Task AssertFinishedOnceAsync(int expected)
    {
        Assert.Equal(expected, await QueryAsync(db => db.PlaybookInstances.CountAsync(i => i.Status == "Finished")));
        var resumes = await QueryAsync(db => db.JournalLines.Where(j => j.Event == "Resumed" && j.NodeId == "delay")
            .GroupBy(j => j.InstanceId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(expected, resumes.Count);
        Assert.All(resumes, count => Assert.Equal(1, count));
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var services = DelayedInstances.Services(_database.ConnectionString, _workflows, _clock, provider);
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// Fails any command that writes the chosen instance's row, as a lost connection or a constraint would.
    private sealed class FailInstanceUpdate : DbCommandInterceptor
    {
        public string? InstanceId { get; set; }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowIfTargeted(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ThrowIfTargeted(command);
            return ValueTask.FromResult(result);
        }

        private void ThrowIfTargeted(DbCommand command)
        {
            if (InstanceId is { } id && command.CommandText.Contains("UPDATE \"PlaybookInstances\"", StringComparison.Ordinal) &&
                command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, id)))
            {
                throw new InvalidOperationException($"injected failure writing instance {id}");
            }
        }
    }

    private sealed class CountCommits : DbTransactionInterceptor
    {
        public int Count { get; set; }
        public int RolledBack { get; set; }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            RolledBack++;
            return Task.CompletedTask;
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Count++;
            return Task.CompletedTask;
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Count++;
    }
}

public sealed class TimerBatchFiringOnSqlite() : TimerBatchFiring(DatabaseProvider.Sqlite);

public sealed class TimerBatchFiringOnPostgres() : TimerBatchFiring(DatabaseProvider.Postgres);
