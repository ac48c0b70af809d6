using AccountPlaybooks.Application.Scheduling;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using Microsoft.Extensions.Logging;
using Quartz;
using SchedulingOptions = AccountPlaybooks.Application.Scheduling.SchedulingOptions;

namespace AccountPlaybooks.Cli;

/// The CLI's way into the server's Quartz store: a scheduler that is never started stores the "evaluation-requested"
/// trigger, and a running server (any node) fires it. Until a server has stored the evaluation job there is nothing
/// to fire: the run stays queued (a server runs queued runs when it starts) and Scheduled says so.
internal sealed class CliEvaluationTrigger(DatabaseOptions database, SchedulingOptions scheduling, ILogger<CliEvaluationTrigger> logger)
    : IEvaluationTrigger
{
    public bool Scheduled { get; private set; }

    public async Task RequestedAsync(EvaluationRequest request, string reason, CancellationToken cancellationToken = default)
    {
        Scheduled = false;
        if (database.Provider == DatabaseProvider.Sqlite && !File.Exists(Path.GetFullPath(scheduling.SqliteFile)))
        {
            return; // no server has run here: do not create its store
        }
        var scheduler = await QuartzSchedulerBuilder.Create(quartz => quartz.UseAccountPlaybooksStore(database, scheduling)).BuildScheduler(cancellationToken);
        try
        {
            if (!await scheduler.Exists(EvaluationJobKeys.Job, cancellationToken))
            {
                return;
            }
            await QuartzEvaluationTrigger.ScheduleAsync(scheduler, request.RunId, reason, TimeSpan.Zero, cancellationToken);
            Scheduled = true;
        }
        catch (SchedulerException problem)
        {
            logger.LogWarning("The evaluation request could not be stored in the scheduler's store: {Problem}", problem.Message);
        }
        finally
        {
            // Never started; shutting it down frees its name for another scheduler in this process.
            if (scheduler.Status == SchedulerStatus.Created)
            {
                await scheduler.Shutdown(false, CancellationToken.None);
            }
        }
    }
}
