using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Bench.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Timers;

/// A prototype, not the product: what batching several timers per transaction would buy. The same
/// PlaybookRuntime.ResumeAsync per timer as TimerSweeper, but inside one transaction per <see cref="PerTransaction"/>
/// timers (the runtime joins a transaction that is already open). No leases or per-timer failure handling: a real
/// batched sweeper would need a savepoint per timer so that one failure does not undo its neighbours.
public static class BatchedSweep
{
    public const int PerTransaction = 100;

    public static async Task<VariantResult> RunAsync(TimersBenchSettings settings, BenchStore store)
    {
        await using var services = TimersDatabase.Services(store);
        await TimersDatabase.PublishedAsync(services, settings.Workflows);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var runtime = scope.ServiceProvider.GetRequiredService<PlaybookRuntime>();
        var batch = scope.ServiceProvider.GetRequiredService<PlaybooksOptions>().SweepBatchSize;
        var fired = 0;
        var meter = new VariantMeter();
        while (true)
        {
            var due = await db.DueTimers.AsNoTracking().Where(t => t.DueAt <= BenchSettings.Now).OrderBy(t => t.DueAt)
                .Select(t => new { t.InstanceId, t.BookmarkId }).Take(batch).ToListAsync();
            foreach (var chunk in due.Chunk(PerTransaction))
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                foreach (var timer in chunk)
                {
                    fired += await runtime.ResumeAsync(timer.InstanceId, timer.BookmarkId, Stimulus.Timer()) ? 1 : 0;
                }
                await transaction.CommitAsync();
            }
            if (due.Count < batch)
            {
                break;
            }
        }
        meter.Stop();
        TimerVariants.Verify(store, settings.Timers);
        return meter.Result(TimerVariants.OursBatched, settings.Timers, fired, 0,
            [$"prototype: PlaybookRuntime.ResumeAsync per timer, {PerTransaction} timers per transaction, no leases"]);
    }
}
