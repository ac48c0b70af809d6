using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Tests;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.UnitTests.Application.Demo;

/// The demo's past, planned from the repository's own playbooks for 300 accounts, must hang together: each account's
/// moves chain up to the tier it has now, every task is closed before now, and the charts get every kind of data.
public sealed class DemoHistoryPlanBuild
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Tiers = ["Tier1", "Tier2", "Tier3", "Disqualified"];
    private static readonly (List<Domain.Scoring.TierChange> Changes, Dictionary<string, DateTime> TierSince, List<OutreachTask> Tasks) Plan = Build();
    private static readonly DemoHistoryInput Input = InputFor(300);

    private static DemoHistoryInput InputFor(int count)
    {
        var generator = new DemoDataGenerator();
        var reps = generator.Reps().ToDictionary(r => r.Id);
        var accounts = generator.Accounts(count, Now).ToList();
        var signals = generator.Signals(accounts, count * 10, Now).Where(s => s.OccurredAt > Now.AddDays(-DemoHistoryPlan.FirstImportDaysAgo))
            .ToLookup(s => s.AccountId, s => new DemoSignal(s.Id, s.AccountId, s.Type, s.OccurredAt, s.Properties));
        // Tiers as a first evaluation might give them: a few Tier 1, some Tier 2, most Tier 3, some disqualified.
        string TierOf(int i) => (i % 20) switch { 0 => "Tier1", < 5 => "Tier2", 19 => "Disqualified", _ => "Tier3" };
        var playbooks = Directory.GetFiles(Path.Combine(RepoPaths.Root, "workflows"), "*.json").Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal))
            .Select(f => PlaybookJson.Read(File.ReadAllText(f)).Definition).OfType<PlaybookDefinition>().ToList();
        return new DemoHistoryInput(Now,
            accounts.Select((a, i) => new DemoHistoryAccount(a.Id, a.AeOwnerId, a.SdrOwnerId, TierOf(i), signals[a.Id].OrderBy(s => s.OccurredAt).ToList())).ToList(),
            Tiers, new Dictionary<string, string> { ["Tier1"] = "Tier1Threshold", ["Tier2"] = "Tier2Threshold", ["Tier3"] = "Everyone", ["Disqualified"] = "PoorFit" },
            [new DemoTrigger("PricingPageThreeTimes", "Tier1", true), new DemoTrigger("SeriesABAnnounced", "Tier2", true), new DemoTrigger("NoEngagementFor90Days", "Tier3", false)],
            reps, new DemoPlaybookSteps(playbooks), "live-version", "older-version");
    }

    private static (List<Domain.Scoring.TierChange>, Dictionary<string, DateTime>, List<OutreachTask>) Build() =>
        new DemoHistoryPlan(InputFor(300), new BusinessCalendar(new CalendarOptions())).Build();

    [Fact]
    public void ChainsEachAccountsMovesToItsTierNow()
    {
        foreach (var account in Input.Accounts)
        {
            var moves = Plan.Changes.Where(c => c.AccountId == account.Id).ToList();
            Assert.Null(moves[0].FromTier);
            Assert.Equal("first-evaluation", moves[0].Kind);
            Assert.All(moves.Zip(moves.Skip(1)), pair =>
            {
                Assert.Equal(pair.First.ToTier, pair.Second.FromTier);
                Assert.True(pair.First.ChangedAt < pair.Second.ChangedAt, $"{account.Id}: moves {pair.First.ChangedAt:u} and {pair.Second.ChangedAt:u}");
            });
            Assert.Equal(account.Tier, moves[^1].ToTier);
            Assert.True(moves[^1].ChangedAt < Now);
            Assert.Equal(moves[^1].ChangedAt, Plan.TierSince[account.Id]);
        }
    }

    [Fact]
    public void MovesByEveryCauseAcrossTheLast90Days()
    {
        var recent = Plan.Changes.Where(c => c.ChangedAt > Now.AddDays(-DemoHistoryPlan.Days)).ToList();

        Assert.Equal(["first-evaluation", "rules-changed", "score", "trigger"], recent.Select(c => c.Kind).Distinct().Order());
        Assert.Contains(recent, c => c.Kind == "score" && Array.IndexOf(Tiers, c.ToTier) < Array.IndexOf(Tiers, c.FromTier!)); // promotion
        Assert.Contains(recent, c => c.Kind == "score" && Array.IndexOf(Tiers, c.ToTier) > Array.IndexOf(Tiers, c.FromTier!)); // demotion
        var rulesChange = DemoHistoryPlan.RulesChangeTime(Now);
        Assert.All(Plan.Changes, c => Assert.Equal(c.ChangedAt < rulesChange ? "older-version" : "live-version", c.RulesetVersion));
        Assert.All(Plan.Changes.Where(c => c.Kind == "trigger"), c => Assert.Single(c.CauseRules));
    }

    [Fact]
    public void NamesTheRecentSignalsBehindAPromotionAsEvidence()
    {
        var signals = Input.Accounts.SelectMany(a => a.Signals).ToDictionary(s => s.Id);
        bool Promotes(Domain.Scoring.TierChange c) => c.FromTier is not null && Array.IndexOf(Tiers, c.ToTier) < Array.IndexOf(Tiers, c.FromTier);

        Assert.Contains(Plan.Changes, c => c.Kind == "score" && Promotes(c) && c.CauseSignalIds.Count > 0);
        Assert.All(Plan.Changes.Where(c => c.Kind == "score" && !Promotes(c)), c => Assert.Empty(c.CauseSignalIds));
        Assert.All(Plan.Changes.SelectMany(c => c.CauseSignalIds.Select(id => (Change: c, Signal: signals[id]))), e =>
        {
            Assert.Equal(e.Change.AccountId, e.Signal.AccountId);
            Assert.InRange(e.Signal.OccurredAt, e.Change.ChangedAt.AddDays(-30), e.Change.ChangedAt);
        });
    }

    [Fact]
    public void ClosesEveryTaskBeforeNowWithSomeSlasMissedAndEscalated()
    {
        Assert.All(Plan.Tasks, t =>
        {
            Assert.NotEqual(OutreachTaskStatus.Open, t.Status);
            Assert.True(t.CreatedAt < t.CompletedAt && t.CompletedAt < Now, $"{t.Id}: created {t.CreatedAt:u}, completed {t.CompletedAt:u}");
        });
        var withSla = Plan.Tasks.Where(t => t.SlaDueAt is not null).ToList();
        var missed = withSla.Where(t => t.SlaBreachedAt is not null).ToList();
        Assert.InRange(missed.Count, withSla.Count / 20, withSla.Count / 2);
        Assert.All(missed, t => Assert.True(t.SlaBreachedAt >= t.SlaDueAt && t.CompletedAt > t.SlaDueAt));
        Assert.All(withSla.Except(missed), t => Assert.True(t.CompletedAt <= t.SlaDueAt));
        var escalations = Plan.Tasks.Where(t => t.Kind == TaskKind.Escalation).ToList();
        Assert.NotEmpty(escalations);
        Assert.All(escalations, e => Assert.Contains(missed, t => t.Id == e.EscalatedFromId));
        Assert.Equal(new[] { "respond", "email", "research", "signal-task" }.Order(), withSla.Select(t => t.NodeId!).Distinct().Order());
        Assert.Equal(Plan.Tasks.Count, Plan.Tasks.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void GivesTheSameHistoryForTheSameInput()
    {
        var again = Build();

        Assert.Equal(Plan.Changes.Select(c => (c.AccountId, c.ToTier, c.ChangedAt, c.Kind)), again.Item1.Select(c => (c.AccountId, c.ToTier, c.ChangedAt, c.Kind)));
        Assert.Equal(Plan.Tasks.Select(t => (t.Id, t.NodeId, t.CompletedAt, t.SlaBreachedAt)), again.Item3.Select(t => (t.Id, t.NodeId, t.CompletedAt, t.SlaBreachedAt)));
    }
}
