using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.UnitTests.Application.Rules.HostileExpressions;

/// The hostile-input corpus (hostile-expressions.json beside this file): each expression goes where it says — a rule
/// in tiers.json, a playbook Decision, a signal filter — and is refused with the reason named, or accepted and then run
/// over a large signal window to show it finishes. An accepted rule also goes through the publish-time cost budget at
/// its default limits: refused by name when the corpus marks it overBudget, within the budget otherwise (ADR 0028).
public sealed class HostileExpressionsCheck
{
    public sealed record HostileExpression(string In, string Expression, string? Refused, string Why, bool OverBudget = false);

    private static readonly List<HostileExpression> Corpus = JsonSerializer.Deserialize<List<HostileExpression>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Application", "Rules", "HostileExpressions", "hostile-expressions.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Corpus.Count; i++)
        {
            data.Add(i, $"{Corpus[i].In}: {Corpus[i].Why}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RefusesWithTheReasonNamedOrAcceptsAsTheCorpusSays(int index, string description)
    {
        var item = Corpus[index];

        var problems = item.In switch
        {
            "rule" => RuleProblems(item.Expression),
            "decision" => DecisionProblems(item.Expression),
            "filter" => PlaybookExpressions.Check(PlaybookExpressions.SignalFilter, item.Expression, new ActivityRegistry()).Select(p => p.Message).ToList(),
            _ => throw new InvalidOperationException($"case {index}: \"in\" must be rule, decision or filter, not {item.In}"),
        };

        if (item.Refused is { } reason)
        {
            Assert.True(problems.Any(p => p.Contains(reason, StringComparison.Ordinal)),
                $"{description}: expected a problem containing \"{reason}\", got: {(problems.Count == 0 ? "accepted" : string.Join(" | ", problems))}");
        }
        else
        {
            Assert.True(problems.Count == 0, $"{description}: expected it accepted, got: {string.Join(" | ", problems)}");
            if (item.In == "rule")
            {
                MeetsTheCostBudgetOrIsRefusedByName(item, description);
            }
            if (item.In != "filter" && !item.OverBudget)
            {
                RunsOverManySignals(item.Expression);
            }
        }
    }

    [Fact]
    public void NamesTheRuleAndTheLimitInTheProblemPeopleRead()
    {
        var expression = "signals.All.Any(a => signals.All.Any(b => signals.All.Any(c => c.OccurredAt > a.OccurredAt)))";

        var problem = RulesetCompiler.Compile(InTiers(expression)).Problems.First(p => p.Rule == "Tier1Threshold");

        Assert.Contains("workflow Tiering, rule Tier1Threshold: lambdas and other loops over collections nested 3 deep " +
                        "(signals.All.Any → signals.All.Any → signals.All.Any); the limit is 2", problem.ToString());
    }

    private static List<string> RuleProblems(string expression)
    {
        // A refused Tier1Threshold also makes the trigger that names Tier1 complain; the reason is on the rule itself.
        var problems = RulesetCompiler.Compile(InTiers(expression)).Problems;
        return problems.Count == 0 ? [] : problems.Where(p => p.Rule == "Tier1Threshold").Select(p => p.ToString()).DefaultIfEmpty("(none on the rule)").ToList();
    }

    private static List<RuleFile> InTiers(string expression) =>
        RuleFiles.With("tiers.json", json => json.Replace("\"score.Composite >= 80\"", JsonSerializer.Serialize(expression)));

    /// Through playbook validation, as a publish and the folder watcher check it, so the node is named too.
    private static List<string> DecisionProblems(string expression)
    {
        var playbook = new PlaybookDefinition
        {
            Id = "hostile",
            Name = "Hostile",
            Nodes =
            [
                new() { Id = "start", Type = "Start" },
                new() { Id = "decide", Type = "Decision", Inputs = new() { ["condition"] = JsonSerializer.SerializeToElement(expression) } },
                new() { Id = "end", Type = "End" },
            ],
            Edges = [new("start", "Done", "decide"), new("decide", "True", "end"), new("decide", "False", "end")],
        };
        var problems = PlaybookValidator.Validate(playbook, new ActivityRegistry(), new ValidationHooks(PlaybookExpressions.CheckDecision))
            .Select(p => p.ToString()).ToList();
        Assert.All(problems, p => Assert.Contains("node decide", p));
        return problems;
    }

    /// The cost check a publish runs, at the default limits, on three busy accounts: the rule (Tier1Threshold) is refused
    /// with its cost named when the corpus says overBudget, and not blamed otherwise.
    private static void MeetsTheCostBudgetOrIsRefusedByName(HostileExpression item, string description)
    {
        var ruleset = RulesetCompiler.Compile(InTiers(item.Expression)).Ruleset!;
        var subjects = Enumerable.Range(1, 3).Select(i => new RuleCostSubject($"account {i}", BusyAccount(), BusyYear(), Now)).ToList();

        var report = RuleCostMeter.Measure(ruleset, subjects, new RuleCostOptions(), TimeSpan.FromSeconds(2));

        var problem = report.Problems.FirstOrDefault(p => p.Rule == "Tier1Threshold");
        if (item.OverBudget)
        {
            Assert.True(problem is not null, $"{description}: expected the cost budget to refuse it; costs: " +
                                             string.Join(", ", report.Costs.Select(c => $"{c.Rule.Name} {c.Milliseconds} ms")));
            Assert.Matches(@"^rule Tier1Threshold costs (more than )?[\d.,]+ ms per account.*; the limit is 1 ms$", problem.Message);
        }
        else
        {
            Assert.True(problem is null, $"{description}: expected it within the cost budget, got: {problem}");
        }
    }

    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static List<SignalFact> BusyYear()
    {
        string[] types = ["page_visit", "email_open", "email_reply", "meeting_booked"];
        return Enumerable.Range(0, 1500).Select(i => new SignalFact($"s{i}", types[i % types.Length], Now.AddHours(-i * 5),
            new Dictionary<string, string> { ["contact"] = $"c{i % 7}", ["page"] = "/pricing" })).ToList();
    }

    private static AccountFacts BusyAccount() => new() { Id = "1", Name = "Acme-Bank & Co", TechStack = ["Salesforce", "Snowflake"], EmployeeCount = 250 };

    /// An accepted expression runs to its end over a year of busy signals: bounded work, no exception.
    private static void RunsOverManySignals(string expression)
    {
        var (compiled, problem) = RuleExpressions.Compile(expression);
        Assert.Null(problem);

        compiled!.Evaluate(BusyAccount(), new SignalWindow(BusyYear(), Now), new ScoreFacts(new Dictionary<string, double>(), 85));
    }
}
