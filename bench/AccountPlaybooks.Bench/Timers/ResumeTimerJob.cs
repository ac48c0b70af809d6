using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AccountPlaybooks.Bench.Timers;

/// The trigger-per-timer design: each timer is a one-off Quartz trigger whose firing resumes its bookmark through the
/// same PlaybookRuntime call the sweeper makes (or does nothing, to measure Quartz alone).
public sealed class ResumeTimerJob(IServiceScopeFactory scopes, FiredTimers fired) : IJob
{
    public static readonly JobKey Key = new("resume-timer");
    public const string Instance = "instance";
    public const string Bookmark = "bookmark";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!fired.Resume)
        {
            fired.Add(resumed: true);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var data = context.MergedJobDataMap;
        var resumed = await scope.ServiceProvider.GetRequiredService<PlaybookRuntime>()
            .ResumeAsync(data.GetString(Instance)!, data.GetString(Bookmark)!, Stimulus.Timer(), cancellationToken);
        fired.Add(resumed);
    }
}
