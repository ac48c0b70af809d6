using System.Globalization;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Accounts;

/// One account's record page: everything the Studio's account page and API clients read about one account, in one
/// call. Lists are capped at their newest entries (<see cref="RecentSignals"/>, <see cref="TierHistory"/>,
/// <see cref="Runs"/>, <see cref="Tasks"/>); the signals endpoint pages through the rest.
public sealed partial class AccountRecord(AppDbContext db, AccountEvaluator evaluator, RulesetRegistry registry, PlaybookCatalog catalog,
    TaskInbox inbox, TimeProvider clock)
{
    public const int RecentSignals = 20;
    public const int TierHistory = 50;
    public const int Runs = 20;
    public const int Tasks = 50;

    public async Task<AccountDetail?> GetAsync(string id, TaskViewer viewer, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return null;
        }
        var rules = registry.Active;
        var score = await db.AccountScores.AsNoTracking().SingleOrDefaultAsync(s => s.AccountId == id, cancellationToken);
        var signals = db.Signals.AsNoTracking().Where(s => s.AccountId == id);
        var recent = await signals.OrderByDescending(s => s.OccurredAt).ThenByDescending(s => s.Id).Take(RecentSignals).ToListAsync(cancellationToken);
        var explanation = rules is null ? [] : await evaluator.ExplainAsync(rules, account, cancellationToken);
        var (tasks, _) = await inbox.ListAsync(viewer, new TaskQuery("all", AccountId: id, PageSize: Tasks), cancellationToken);
        return new AccountDetail(AccountView.From(account), score is null ? null : ScoreView.From(score), score is null ? null : Breakdown(score, rules, explanation),
            await TierHistoryAsync(id, rules, cancellationToken), await signals.CountAsync(cancellationToken), recent.Select(SignalView.From).ToList(),
            rules?.Version, explanation, await PlaybookRunsAsync(id, cancellationToken), tasks, await OwnersAsync(account, cancellationToken),
            await AccountMemberships.ReadAsync(db, id, score, cancellationToken));
    }

    /// Components in the ruleset's order with the weights whose rules passed for this account, and the stored reasons.
    private static ScoreBreakdown Breakdown(AccountScore score, Ruleset? rules, IReadOnlyList<RuleExplanation> explanation)
    {
        var passed = explanation.Where(e => e.Passed).Select(e => e.Rule).ToHashSet();
        var weights = (rules?.WeightRules ?? []).Where(w => passed.Contains(w.Rule.Name))
            .GroupBy(w => w.Component).ToDictionary(g => g.Key, g => g.Sum(w => w.Weight));
        var order = (rules?.ComponentNames ?? []).Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        var components = score.Components.OrderBy(c => order.GetValueOrDefault(c.Key, int.MaxValue)).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ComponentScore(c.Key, c.Value, weights.TryGetValue(c.Key, out var weight) ? weight : null)).ToList();
        return new ScoreBreakdown(components, score.Reasons.Select(ParseReason).ToList());
    }

    /// Reasons are stored as "{reason} ({points:+0;-0} {component})" (<see cref="Ruleset.Evaluate"/>).
    public static ScoreReason ParseReason(string reason) =>
        ReasonShape().Match(reason) is { Success: true } match
            ? new ScoreReason(match.Groups["text"].Value, match.Groups["component"].Value,
                double.Parse(match.Groups["points"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
            : new ScoreReason(reason, null, null);

    [GeneratedRegex(@"^(?<text>.+) \((?<points>[+-]\d+) (?<component>[^\s()]+)\)$")]
    private static partial Regex ReasonShape();

    private async Task<List<TierChangeView>> TierHistoryAsync(string id, Ruleset? rules, CancellationToken cancellationToken)
    {
        var changes = await db.TierChanges.AsNoTracking().Where(c => c.AccountId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(TierHistory).ToListAsync(cancellationToken);
        var evidenceIds = changes.SelectMany(c => c.CauseSignalIds).Distinct().ToList();
        var evidence = await db.Signals.AsNoTracking().Where(s => evidenceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var definitions = Definitions(rules);
        return changes.Select(c => new TierChangeView(c.Id, c.AccountId, c.FromTier, c.ToTier, c.ChangedAt, c.Kind, Direction(rules, c),
            c.CauseRules, c.CauseRules.Select(rule => Cause(rule, definitions)).ToList(), c.CauseSignalIds,
            c.CauseSignalIds.Where(evidence.ContainsKey).Select(s => SignalView.From(evidence[s])).OrderByDescending(s => s.OccurredAt).ToList(),
            c.RulesetVersion, c.ApprovedBy)).ToList();
    }

    private static string Direction(Ruleset? rules, TierChange change)
    {
        if (change.FromTier is null)
        {
            return "entry";
        }
        var (from, to) = (rules?.RankOf(change.FromTier) ?? int.MaxValue, rules?.RankOf(change.ToTier) ?? int.MaxValue);
        return from == int.MaxValue || to == int.MaxValue || from == to ? "lateral" : to < from ? "promotion" : "demotion";
    }

    private static Dictionary<string, (RuleConcern Concern, string Expression, string? Reason)> Definitions(Ruleset? rules)
    {
        var found = new Dictionary<string, (RuleConcern, string, string?)>();
        if (rules is null)
        {
            return found;
        }
        foreach (var trigger in rules.TriggerRules)
        {
            found.TryAdd(trigger.Rule.Name, (RuleConcern.Triggers, trigger.Rule.Definition.Expression, trigger.Reason));
        }
        foreach (var tier in rules.TierRules)
        {
            found.TryAdd(tier.Rule.Name, (RuleConcern.Tiering, tier.Rule.Definition.Expression, null));
        }
        return found;
    }

    private static RuleCause Cause(string rule, Dictionary<string, (RuleConcern Concern, string Expression, string? Reason)> definitions) =>
        definitions.TryGetValue(rule, out var known)
            ? new RuleCause(rule, known.Concern == RuleConcern.Triggers ? "trigger" : "tier", known.Reason, known.Expression)
            : new RuleCause(rule, null, null, null);

    /// The newest runs; for each running one, the steps it waits at (a task step with an SLA waits on the task and a timer).
    private async Task<List<AccountPlaybookRun>> PlaybookRunsAsync(string id, CancellationToken cancellationToken)
    {
        var instances = await db.PlaybookInstances.AsNoTracking().Where(i => i.AccountId == id)
            .OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id).Take(Runs).ToListAsync(cancellationToken);
        var ids = instances.Select(i => i.Id).ToList();
        var bookmarks = await db.WaitingBookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).ToListAsync(cancellationToken);
        var bookmarkIds = bookmarks.Select(b => b.Id).ToList();
        var due = await db.DueTimers.AsNoTracking().Where(t => bookmarkIds.Contains(t.BookmarkId))
            .GroupBy(t => t.BookmarkId).Select(g => new { g.Key, DueAt = g.Min(t => t.DueAt) }).ToDictionaryAsync(t => t.Key, t => t.DueAt, cancellationToken);
        var taskIds = bookmarks.Where(b => b.Kind == Workflows.Runtime.BookmarkKinds.Task && b.Key != null).Select(b => b.Key!).ToList();
        var titles = await db.Tasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, cancellationToken);
        var waiting = bookmarks.ToLookup(b => b.InstanceId);
        return instances.Select(i =>
        {
            var definition = catalog.Get(i.DefinitionId, i.DefinitionVersion) ?? catalog.GetPublished(i.DefinitionId);
            var steps = waiting[i.Id].GroupBy(b => b.NodeId).OrderBy(g => g.Min(b => b.CreatedAt)).Select(g =>
            {
                var task = g.FirstOrDefault(b => b.Kind == Workflows.Runtime.BookmarkKinds.Task)?.Key;
                var dueAt = g.Where(b => due.ContainsKey(b.Id)).Select(b => (DateTime?)due[b.Id]).Min();
                return new PlaybookStepView(g.Key, definition?.Nodes.FirstOrDefault(n => n.Id == g.Key)?.Type,
                    g.Select(b => b.Kind).Distinct().Order(StringComparer.Ordinal).ToList(), dueAt, task, task is null ? null : titles.GetValueOrDefault(task));
            }).ToList();
            return new AccountPlaybookRun(i.Id, i.DefinitionId, definition?.Name, i.DefinitionVersion, i.Status, i.StartedBy, i.StartedAt,
                i.EndedAt, i.EndReason, steps);
        }).ToList();
    }

    private async Task<AccountOwners> OwnersAsync(Account account, CancellationToken cancellationToken)
    {
        var ids = new[] { account.AeOwnerId, account.SdrOwnerId }.OfType<string>().ToList();
        var reps = await db.Reps.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        OwnerView? Owner(string? repId) => repId is null ? null
            : reps.TryGetValue(repId, out var rep) ? new OwnerView(rep.Id, rep.Name, rep.Email, rep.Role.ToString(), rep.Team, rep.IsOutOfOffice(now))
            : new OwnerView(repId, null, null, null, null, false);
        return new AccountOwners(Owner(account.AeOwnerId), Owner(account.SdrOwnerId), account.OwnerReason, account.OwnerAssignedAt);
    }
}
