using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Demo;

/// Gives a freshly seeded demo database its past (<see cref="DemoHistoryPlan"/>), once its first evaluation has tiered
/// every account and started the playbooks: the dashboard, the account pages and the rules versions then show 90
/// days of moves, worked tasks and missed SLAs instead of one day of first evaluations.
public sealed class DemoHistory(AppDbContext db, RulesetRegistry rules, PlaybookCatalog playbooks, TemplateCatalog templates,
    BusinessCalendar calendar, ILogger<DemoHistory> logger)
{
    private const int ChunkSize = 2000;
    private const string LoweredTier2 = "\"score.Composite >= 50\"";
    private const string EarlierTier2 = "\"score.Composite >= 55\"";

    public enum Outcome
    {
        /// The first evaluation has not finished yet: ask again later.
        Waiting,
        Written,

        /// Not a demo database, or it already has a past.
        NotNeeded,
    }

    public async Task<Outcome> BackfillAsync(CancellationToken cancellationToken = default)
    {
        var first = await db.EvaluationRuns.AsNoTracking().OrderBy(r => r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        if (first is null || first.Status is EvaluationRunStatus.Queued or EvaluationRunStatus.Running || first.StartedAt is null ||
            rules.Active is not { } live)
        {
            return Outcome.Waiting;
        }
        var now = first.StartedAt.Value;
        if (first.Status != EvaluationRunStatus.Completed ||
            !await db.Accounts.AnyAsync(a => a.Id.StartsWith(DemoDataGenerator.AccountIdPrefix), cancellationToken) ||
            await db.TierChanges.AnyAsync(c => c.ChangedAt < now, cancellationToken))
        {
            return Outcome.NotNeeded;
        }
        var previous = await PreviousRulesAsync(live, now, cancellationToken);
        var input = await InputAsync(live, now, previous, cancellationToken);
        var (changes, tierSince, tasks) = new DemoHistoryPlan(input, calendar).Build();
        await RenderAsync(tasks, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first evaluation's moves become the end of each account's history.
        await db.TierChanges.Where(c => c.ChangedAt == now && c.FromTier == null).ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in changes.Chunk(ChunkSize))
        {
            db.TierChanges.AddRange(chunk);
            await SaveAndClearAsync(cancellationToken);
        }
        foreach (var (accountId, since) in tierSince)
        {
            // Accounts that moved again since the first evaluation keep their newer date.
            await db.AccountScores.Where(s => s.AccountId == accountId && s.TierSince <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.TierSince, since), cancellationToken);
        }
        foreach (var chunk in tasks.Chunk(ChunkSize))
        {
            db.Tasks.AddRange(chunk);
            await SaveAndClearAsync(cancellationToken);
        }
        if (previous is not null)
        {
            db.Rulesets.Add(previous);
            await db.Rulesets.Where(r => r.Id == live.Version)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.CreatedAt, DemoHistoryPlan.RulesChangeTime(now)), cancellationToken);
            await SaveAndClearAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo history: {Changes} tier moves and {Tasks} worked tasks over the last {Days} days", changes.Count, tasks.Count,
            DemoHistoryPlan.Days);
        return Outcome.Written;
    }

    private async Task<DemoHistoryInput> InputAsync(Ruleset live, DateTime now, RulesetRecord? previous, CancellationToken cancellationToken)
    {
        // The first evaluation's first tiers (a trigger may have given some: their kind is "trigger", not "first-evaluation").
        var firstTiers = await db.TierChanges.AsNoTracking().Where(c => c.ChangedAt == now && c.FromTier == null)
            .Select(c => new { c.AccountId, c.ToTier }).ToDictionaryAsync(c => c.AccountId, c => c.ToTier, cancellationToken);
        var since = now.AddDays(-DemoHistoryPlan.FirstImportDaysAgo);
        var signals = (await db.Signals.AsNoTracking().Where(s => s.OccurredAt >= since && s.OccurredAt < now)
                .Select(s => new { s.Id, s.AccountId, s.Type, s.OccurredAt, s.Properties }).ToListAsync(cancellationToken))
            .OrderBy(s => s.OccurredAt).ToLookup(s => s.AccountId, s => new DemoSignal(s.Id, s.AccountId, s.Type, s.OccurredAt, s.Properties));
        var accounts = (await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.AeOwnerId, a.SdrOwnerId })
                .ToListAsync(cancellationToken))
            .Where(a => firstTiers.ContainsKey(a.Id))
            .Select(a => new DemoHistoryAccount(a.Id, a.AeOwnerId, a.SdrOwnerId, firstTiers[a.Id], signals[a.Id].ToList()))
            .ToList();
        var reps = await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var order = live.TierRules.OrderBy(t => t.Rank).ToList();
        return new DemoHistoryInput(now, accounts, order.Select(t => t.Tier).Distinct().ToList(),
            order.GroupBy(t => t.Tier).ToDictionary(g => g.Key, g => g.First().Rule.Name),
            live.TriggerRules.Where(t => t.Tier is not null && t.Action is TriggerAction.Promote or TriggerAction.Demote)
                .Select(t => new DemoTrigger(t.Rule.Name, t.Tier!, t.Action == TriggerAction.Promote)).ToList(),
            reps, new DemoPlaybookSteps(playbooks.Published), live.Version, previous?.Id);
    }

    /// The rules before ops lowered the Tier 2 threshold: the live files with the old threshold, superseded by the live
    /// version. None when the live files have no such threshold (edited rules): then the history has no rules change.
    private async Task<RulesetRecord?> PreviousRulesAsync(Ruleset live, DateTime now, CancellationToken cancellationToken)
    {
        if (!live.Files.Any(f => f.Content.Contains(LoweredTier2, StringComparison.Ordinal)))
        {
            return null;
        }
        var files = live.Files.Select(f => f with { Content = f.Content.Replace(LoweredTier2, EarlierTier2, StringComparison.Ordinal) }).ToList();
        var hash = RulesetCompiler.HashOf(files);
        var id = hash[..12];
        return await db.Rulesets.AnyAsync(r => r.Id == id, cancellationToken) ? null : new RulesetRecord
        {
            Id = id, Hash = hash, Author = "ops@" + DemoUsers.EmailDomain, CreatedAt = now.Date.AddDays(-DemoHistoryPlan.FirstImportDaysAgo - 1).AddHours(7),
            Status = RulesetStatus.Superseded, Files = files.ToDictionary(f => f.Name, f => f.Content),
        };
    }

    /// Titles and bodies from the tasks' own templates, as the playbook would have rendered them.
    private async Task RenderAsync(List<OutreachTask> tasks, CancellationToken cancellationToken)
    {
        var accountIds = tasks.Select(t => t.AccountId).Distinct().ToList();
        var accounts = new Dictionary<string, Domain.Accounts.Account>();
        var scores = new Dictionary<string, AccountScore>();
        foreach (var chunk in accountIds.Chunk(500))
        {
            foreach (var account in await db.Accounts.AsNoTracking().Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                accounts[account.Id] = account;
            }
            foreach (var score in await db.AccountScores.AsNoTracking().Where(s => chunk.Contains(s.AccountId)).ToListAsync(cancellationToken))
            {
                scores[score.AccountId] = score;
            }
        }
        var reps = await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var signalIds = tasks.Select(t => t.SignalId).OfType<string>().Distinct().ToList();
        var signals = new Dictionary<string, Domain.Signals.Signal>();
        foreach (var chunk in signalIds.Chunk(500))
        {
            foreach (var signal in await db.Signals.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                signals[signal.Id] = signal;
            }
        }
        var byId = tasks.ToDictionary(t => t.Id);
        foreach (var task in tasks)
        {
            var missed = task.EscalatedFromId is { } from ? byId[from] : null;
            var ownerId = missed?.AssigneeRepId ?? task.AssigneeRepId;
            var step = missed is null
                ? new TemplateStep(task.NodeId!, task.Channel, task.DueAt, task.SlaDueAt)
                : new TemplateStep(missed.NodeId!, missed.Channel, missed.DueAt, missed.SlaDueAt);
            var playbook = playbooks.GetPublished(task.PlaybookId!);
            var model = TemplateModelBuilder.From(accounts[task.AccountId], scores.GetValueOrDefault(task.AccountId),
                task.SignalId is { } signalId ? signals.GetValueOrDefault(signalId) : null, ownerId is null ? null : reps.GetValueOrDefault(ownerId), step,
                new TemplatePlaybook(task.PlaybookId!, playbook?.Name ?? task.PlaybookId!, task.PlaybookVersion ?? 1), task.CreatedAt);
            var rendered = templates.Render(task.Template, model).Task;
            task.Title = Truncate(rendered?.Title ?? $"{task.Channel} for {accounts[task.AccountId].Name}", 512);
            task.Body = rendered?.Body ?? "";
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task SaveAndClearAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
