using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Tasks;

namespace AccountPlaybooks.Application.Demo;

/// The past <see cref="Days"/> days of a demo database, as if the product had been running: each account's tier
/// history ending in the tier its first evaluation gave it, and the closed tasks its playbooks would have made —
/// with SLAs met and missed, and escalations. Pure and deterministic: the same inputs give the same history.
///
/// The story it tells: most accounts came in with the first import 100 days ago, the rest in Monday imports since;
/// the nightly evaluation moves a few up and down; trigger rules promote on strong signals during the working day;
/// <see cref="RulesChangeDaysAgo"/> days ago ops published the live rules, which lowered the Tier 2 threshold.
/// Reps differ in how often they miss an SLA, and everybody misses more on Mondays and Friday afternoons.
public sealed class DemoHistoryPlan(DemoHistoryInput input, BusinessCalendar calendar)
{
    public const int Days = 90;
    public const int FirstImportDaysAgo = Days + 10;
    public const int RulesChangeDaysAgo = 41;
    private const int MaxSignalTasksPerStay = 3;
    private const int MinDaysInTier = 7;
    private const int MaxSequenceTasksPerStay = 8;
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly List<TierChange> _changes = [];
    private readonly Dictionary<string, DateTime> _tierSince = [];
    private readonly List<OutreachTask> _tasks = [];
    private int _taskNumber;

    private DateTime Now => input.Now;
    private DateTime Cutoff => input.Now.AddHours(-2);
    private DateTime RulesChangedAt => RulesChangeTime(input.Now);

    /// When ops published the live rules, in the story.
    public static DateTime RulesChangeTime(DateTime now) => now.Date.AddDays(-RulesChangeDaysAgo).AddHours(14).AddMinutes(12);

    public (List<TierChange> Changes, Dictionary<string, DateTime> TierSince, List<OutreachTask> Tasks) Build()
    {
        var mondays = Enumerable.Range(1, Days - 6).Select(d => input.Now.Date.AddDays(-d)).Where(d => d.DayOfWeek == DayOfWeek.Monday)
            .Select(d => d.AddHours(8)).Order().ToList();
        // The first import was on the Monday of the week 100 days ago.
        var firstImport = input.Now.Date.AddDays(-FirstImportDaysAgo);
        firstImport = firstImport.AddDays(-(((int)firstImport.DayOfWeek + 6) % 7)).AddHours(8);
        for (var index = 0; index < input.Accounts.Count; index++)
        {
            var account = input.Accounts[index];
            var rng = new Random(unchecked(input.Seed + index * 7919));
            var entry = (rng.NextDouble() < 0.75 || mondays.Count == 0 ? firstImport : mondays[rng.Next(mondays.Count)]).AddSeconds(index * 3 % 3600);
            var stays = History(account, entry, index, rng);
            _tierSince[account.Id] = stays[^1].Start;
            foreach (var stay in stays)
            {
                Tasks(account, stay, rng);
            }
        }
        return (_changes, _tierSince, _tasks);
    }

    /// Writes the account's moves and returns its stays in each tier, oldest first; the last one lasts until now.
    private List<Stay> History(DemoHistoryAccount account, DateTime entry, int index, Random rng)
    {
        var tiers = input.Tiers.ToList();
        var worst = tiers[^1];
        var rank = tiers.IndexOf(account.Tier);
        var moves = account.Tier == worst || rank < 0 ? 0 : Pick(rng, rank switch
        {
            0 => [0.10, 0.35, 0.40, 0.15],
            1 => [0.30, 0.40, 0.30],
            _ => [0.70, 0.12, 0.18],
        });
        moves = Math.Min(moves, (int)((Now - entry).TotalDays / (MinDaysInTier + 3)));
        // The tiers it passed through, walked back from where it is now: one step at a time, up or down.
        var path = new List<string> { account.Tier };
        var workable = tiers.Take(tiers.Count - 1).ToList();
        for (var i = 0; i < moves; i++)
        {
            var at = workable.IndexOf(path[0]);
            var fromBelow = at == 0 || (at < workable.Count - 1 && rng.NextDouble() < 0.65);
            var previous = fromBelow ? at + 1 : at - 1;
            if (previous < 0 || previous >= workable.Count)
            {
                break;
            }
            path.Insert(0, workable[previous]);
        }
        var stays = new List<Stay> { new(path[0], entry) };
        Add(account.Id, null, path[0], entry, "first-evaluation", [input.TierRuleOf(path[0])], RecentSignals(account, entry));
        // Each move falls in its own slice of the time since entry, so stays last a week or more (the rules' minimum
        // days in tier before a demotion).
        var span = (Now.AddDays(-1) - entry.AddDays(MinDaysInTier)).TotalDays / (path.Count - 1 is var n and > 0 ? n : 1);
        for (var i = 1; i < path.Count; i++)
        {
            var (from, to) = (path[i - 1], path[i]);
            var slice = (Start: entry.AddDays(MinDaysInTier + span * (i - 1)), End: entry.AddDays(MinDaysInTier + span * i));
            var day = slice.Start.AddDays(rng.NextDouble() * span * 0.7).Date;
            var promotion = tiers.IndexOf(to) < tiers.IndexOf(from);
            var (when, kind, rules, signals) = Cause(account, to, promotion, day, slice, stays[^1].Start, index, rng);
            Add(account.Id, from, to, when, kind, rules, signals);
            stays.Add(new Stay(to, when));
        }
        for (var i = 0; i < stays.Count; i++)
        {
            stays[i] = stays[i] with { End = i + 1 < stays.Count ? stays[i + 1].Start : Now };
        }
        return stays;
    }

    /// Why the account moved on that day, and when exactly: the new rules (a move up into the second tier whose
    /// time slice holds the publish), a trigger rule during the working day, or the nightly evaluation.
    private (DateTime When, string Kind, List<string> Rules, List<string> Signals) Cause(DemoHistoryAccount account, string to,
        bool promotion, DateTime day, (DateTime Start, DateTime End) slice, DateTime stayStart, int index, Random rng)
    {
        var lowered = input.Tiers.Count > 2 ? input.Tiers[1] : null;
        if (input.PreviousRulesVersion is not null && promotion && to == lowered && RulesChangedAt > slice.Start && RulesChangedAt < slice.End.AddDays(-1) &&
            RulesChangedAt > stayStart.AddDays(2) && rng.NextDouble() < 0.6)
        {
            return (RulesChangedAt.AddSeconds(20 + index % 600), "rules-changed", [input.TierRuleOf(to)], []);
        }
        var triggers = input.Triggers.Where(t => t.Tier == to && t.Promotes == promotion).ToList();
        if (triggers.Count > 0 && rng.NextDouble() < (promotion ? 0.45 : 0.3))
        {
            var when = day.AddHours(9 + rng.Next(8)).AddMinutes(rng.Next(60));
            var evidence = account.Signals.LastOrDefault(s => s.OccurredAt < when && s.OccurredAt > when.AddDays(-14));
            return (when, "trigger", [triggers[rng.Next(triggers.Count)].Rule], evidence is null ? [] : [evidence.Id]);
        }
        // The nightly full evaluation; a promotion names the recent signals that raised the score, as the evaluator does.
        var at = day.AddHours(2).AddSeconds(index % 1800);
        return (at, "score", [input.TierRuleOf(to)], promotion ? RecentSignals(account, at) : []);
    }

    /// The account's latest signals in the scoring window before a moment, newest first.
    private static List<string> RecentSignals(DemoHistoryAccount account, DateTime before) =>
        account.Signals.Where(s => s.OccurredAt < before && s.OccurredAt > before.AddDays(-30)).Reverse().Take(3).Select(s => s.Id).ToList();

    private void Add(string accountId, string? from, string to, DateTime at, string kind, List<string> rules, List<string> signals) =>
        _changes.Add(new TierChange
        {
            AccountId = accountId, FromTier = from, ToTier = to, ChangedAt = at, Kind = kind, CauseRules = rules, CauseSignalIds = signals,
            RulesetVersion = at < RulesChangedAt ? input.PreviousRulesVersion ?? input.LiveRulesVersion : input.LiveRulesVersion,
        });

    /// The stay's touches in playbook order, then the tasks its signals started; all closed before now.
    private void Tasks(DemoHistoryAccount account, Stay stay, Random rng)
    {
        var end = stay.End < Cutoff ? stay.End : Cutoff;
        var sequence = input.Steps.SequenceFor(stay.Tier).Where(s => s.Assignee != "queue").ToList();
        var start = stay.Start.AddMinutes(5);
        for (var i = 0; sequence.Count > 0 && i < MaxSequenceTasksPerStay && start < end; i++)
        {
            var task = Work(account, sequence[i % sequence.Count], start, end, null, rng);
            if (task is null)
            {
                break;
            }
            var (zone, days) = Calendar(task.AssigneeRepId);
            start = calendar.Add(task.CompletedAt!.Value, rng.NextDouble() < 0.5 ? "P1D" : "P2D", zone, days);
        }
        var signalled = 0;
        foreach (var signal in account.Signals.Where(s => s.OccurredAt >= stay.Start && s.OccurredAt < end))
        {
            if (signalled < MaxSignalTasksPerStay && input.Steps.StepFor(signal, stay.Tier) is { } step &&
                Work(account, step, signal.OccurredAt.AddMinutes(1), end, signal.Id, rng) is not null)
            {
                signalled++;
            }
        }
    }

    /// One task from open to closed (and its escalation when the SLA was missed), or null when it would still be open now.
    private OutreachTask? Work(DemoHistoryAccount account, DemoStep step, DateTime created, DateTime end, string? signalId, Random rng)
    {
        var rep = Assignee(account, step.Assignee);
        var (zone, days) = Calendar(rep?.Id);
        var due = calendar.Add(created, step.Due, zone, days);
        DateTime? sla = step.Sla is null ? null : calendar.Add(created, step.Sla, zone, days);
        var deadline = sla ?? due;
        if (deadline >= end)
        {
            return null;
        }
        var missed = sla is { } slaDue && rng.NextDouble() < MissChance(rep, slaDue);
        var completed = missed ? Min(sla!.Value.AddHours(1 + rng.NextDouble() * 29), Cutoff) : created + (deadline - created) * (0.05 + rng.NextDouble() * 0.85);
        var outcome = rng.NextDouble() < 0.06 ? "Skipped" : step.Outcomes.Count > 0 && rng.NextDouble() < 0.22 ? step.Outcomes[rng.Next(step.Outcomes.Count)] : "Done";
        var task = NewTask(account.Id, step, TaskKind.Step, step.NodeId, step.Channel, step.Template, step.Assignee, rep, rep is null ? step.Queue ?? "unassigned" : null,
            created, due, sla, completed, outcome, signalId);
        task.SlaBreachedAt = missed ? sla!.Value.AddSeconds(5 + rng.Next(55)) : null;
        _tasks.Add(task);
        if (missed && step.Escalation is { } escalation)
        {
            var manager = escalation.To == "manager" && rep?.ManagerId is { } managerId ? input.Reps.GetValueOrDefault(managerId) : null;
            var raised = task.SlaBreachedAt!.Value;
            var (managerZone, managerDays) = Calendar(manager?.Id);
            var escalated = NewTask(account.Id, step, TaskKind.Escalation, escalation.NodeId, "review", escalation.Template, escalation.To, manager,
                manager is null ? escalation.Queue ?? "unassigned" : null, raised, calendar.Add(raised, escalation.Due, managerZone, managerDays), null,
                Min(raised.AddHours(0.5 + rng.NextDouble() * 20), Cutoff), "Done", signalId);
            escalated.EscalatedFromId = task.Id;
            _tasks.Add(escalated);
        }
        return task;
    }

    private OutreachTask NewTask(string accountId, DemoStep step, TaskKind kind, string nodeId, string channel, string template, string role, Rep? rep,
        string? queue, DateTime created, DateTime due, DateTime? sla, DateTime completed, string outcome, string? signalId) => new()
    {
        Id = $"demo-h-{++_taskNumber:D6}", AccountId = accountId, Kind = kind, NodeId = nodeId, PlaybookId = step.PlaybookId,
        PlaybookVersion = step.PlaybookVersion, Channel = channel, Template = template, Title = "", Body = "", AssigneeRole = role,
        AssigneeRepId = rep?.Id, Queue = queue, Outcomes = kind == TaskKind.Step ? [.. step.Outcomes] : [], SignalId = signalId,
        Status = outcome == "Skipped" ? OutreachTaskStatus.Skipped : OutreachTaskStatus.Done, DueAt = due, SlaDueAt = sla,
        SlaWarnAt = sla is { } s ? created + (s - created) * 0.75 : null, Outcome = outcome, CompletedBy = rep?.Email ?? "marketing@demo",
        CompletedAt = completed, CreatedAt = created, UpdatedAt = completed, Version = Guid.NewGuid(),
    };

    private Rep? Assignee(DemoHistoryAccount account, string role)
    {
        var id = role switch
        {
            "ae" => account.AeOwnerId ?? account.SdrOwnerId,
            "sdr" => account.SdrOwnerId ?? account.AeOwnerId,
            "manager" => (account.AeOwnerId ?? account.SdrOwnerId) is { } owner ? input.Reps.GetValueOrDefault(owner)?.ManagerId : null,
            _ => account.AeOwnerId ?? account.SdrOwnerId,
        };
        return id is null ? null : input.Reps.GetValueOrDefault(id);
    }

    private (string Zone, IReadOnlyCollection<DayOfWeek> Days) Calendar(string? repId) =>
        repId is not null && input.Reps.TryGetValue(repId, out var rep) ? (rep.TimeZone, rep.WorkingDays) : ("UTC", Weekdays);

    /// Each rep has their own habit (from their id, so it stays the same); a queue nobody owns misses most. Deadlines on
    /// a Monday (the weekend's backlog) and on Friday afternoons are missed more, on the rep's own clock.
    private double MissChance(Rep? rep, DateTime slaDue)
    {
        if (rep is null)
        {
            return 0.3;
        }
        var habit = 0.03 + rep.Id.Aggregate(0, (sum, c) => (sum * 31 + c) % 9973) % 5 * 0.04;
        var local = TimeZoneInfo.TryFindSystemTimeZoneById(rep.TimeZone, out var zone) ? TimeZoneInfo.ConvertTimeFromUtc(slaDue, zone) : slaDue;
        return habit + local.DayOfWeek switch
        {
            DayOfWeek.Monday => 0.08,
            DayOfWeek.Friday when local.Hour >= 13 => 0.2,
            DayOfWeek.Friday => 0.05,
            _ => 0,
        };
    }

    private static int Pick(Random rng, double[] weights)
    {
        var roll = rng.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            if ((roll -= weights[i]) < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Stay(string Tier, DateTime Start)
    {
        public DateTime End { get; init; }
    }
}

/// What the demo history is made from: the accounts as their first evaluation tiered them, the live tiers (best first,
/// the worst last), the rules and triggers that name causes, the reps, the playbooks' steps and the rules versions.
public sealed record DemoHistoryInput(
    DateTime Now,
    IReadOnlyList<DemoHistoryAccount> Accounts,
    IReadOnlyList<string> Tiers,
    IReadOnlyDictionary<string, string> TierRules,
    IReadOnlyList<DemoTrigger> Triggers,
    IReadOnlyDictionary<string, Rep> Reps,
    DemoPlaybookSteps Steps,
    string LiveRulesVersion,
    string? PreviousRulesVersion,
    int Seed = 20261124)
{
    public string TierRuleOf(string tier) => TierRules.GetValueOrDefault(tier, tier);
}

/// An account as the history needs it: owners, the tier at the end of the history, its signals (oldest first).
public sealed record DemoHistoryAccount(string Id, string? AeOwnerId, string? SdrOwnerId, string Tier, IReadOnlyList<DemoSignal> Signals);

/// A trigger rule that moves accounts to a tier: up (promote) or down (demote).
public sealed record DemoTrigger(string Rule, string Tier, bool Promotes);
