using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Tasks;

/// Answers "why this task?" for the inbox from what is stored: the task's playbook version and instance, the account's
/// score and latest tier change, and the signal the step was about (else the signal behind the tier change).
public sealed class TaskReasons(AppDbContext db, TaskInbox inbox)
{
    /// Null when the viewer may not see the task (the same answer as for a task that does not exist).
    public async Task<TaskWhy?> ForAsync(TaskViewer viewer, string taskId, CancellationToken cancellationToken)
    {
        if (await inbox.GetAsync(viewer, taskId, cancellationToken) is null)
        {
            return null;
        }
        var task = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId, cancellationToken);
        var step = task.PlaybookId is { } playbookId && task.NodeId is { } nodeId
            ? await StepAsync(playbookId, task.PlaybookVersion, nodeId, task.Template, task.InstanceId, cancellationToken)
            : null;
        var (tier, tierSignalId) = await TierAsync(task.AccountId, cancellationToken);
        var signal = task.SignalId is { } signalId
            ? await SignalAsync(signalId, "the step is about it", cancellationToken)
            : tierSignalId is { } evidence ? await SignalAsync(evidence, "it moved the account's tier", cancellationToken) : null;
        return new TaskWhy(step, tier, signal);
    }

    private async Task<TaskStepWhy> StepAsync(string playbookId, int? version, string nodeId, string template, string? instanceId,
        CancellationToken cancellationToken)
    {
        var json = await db.PlaybookVersions.AsNoTracking().Where(v => v.DefinitionId == playbookId && v.Number == version)
            .Select(v => v.Json).SingleOrDefaultAsync(cancellationToken);
        var definition = json is null ? null : PlaybookJson.Read(json).Definition;
        var instance = instanceId is null ? null
            : await db.PlaybookInstances.AsNoTracking().Where(i => i.Id == instanceId)
                .Select(i => new { i.Status, i.StartedBy, i.StartedAt }).SingleOrDefaultAsync(cancellationToken);
        return new TaskStepWhy(playbookId, definition?.Name ?? playbookId, version ?? 0, nodeId,
            definition?.Nodes.FirstOrDefault(n => n.Id == nodeId)?.Type, template, instanceId, instance?.Status, instance?.StartedBy,
            instance?.StartedAt);
    }

    private async Task<(TaskTierWhy? Tier, string? SignalId)> TierAsync(string accountId, CancellationToken cancellationToken)
    {
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == accountId, cancellationToken);
        if (score is null)
        {
            return (null, null);
        }
        var change = await db.TierChanges.AsNoTracking().Where(c => c.AccountId == accountId && c.ToTier == score.Tier)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        return (new TaskTierWhy(score.Tier, score.TierSince, change?.Kind, change?.CauseRules ?? [], change?.RulesetVersion ?? score.RulesetVersion,
            score.Reasons), change?.CauseSignalIds.FirstOrDefault());
    }

    private async Task<TaskSignalWhy?> SignalAsync(string id, string role, CancellationToken cancellationToken) =>
        await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } s
            ? new TaskSignalWhy(s.Id, s.Type, s.OccurredAt, s.Source, s.Properties, role)
            : null;
}
