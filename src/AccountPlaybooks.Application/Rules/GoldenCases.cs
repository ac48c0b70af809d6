using System.Text.Json;
using System.Text.Json.Serialization;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// Runs the golden cases of rules/tests/ against a ruleset; every failure is a problem that names the case.
public static class GoldenCases
{
    private const double Tolerance = 0.05;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static List<RuleProblem> Run(Ruleset ruleset, IEnumerable<RuleFile> caseFiles)
    {
        var report = RunAll(ruleset, caseFiles, draft: false);
        return report.FileProblems.Concat(report.Cases.SelectMany(c =>
            c.Failures.Select(message => new RuleProblem(c.File, null, null, $"case \"{c.Name}\": {message}")))).ToList();
    }

    /// Every case of every file, with expected versus actual; a file that cannot be read is a problem, not an exception.
    public static GoldenRunReport RunAll(Ruleset ruleset, IEnumerable<RuleFile> caseFiles, bool draft)
    {
        var problems = new List<RuleProblem>();
        var results = new List<GoldenCaseResult>();
        foreach (var file in caseFiles)
        {
            var (cases, problem) = Read(file);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }
            results.AddRange(cases.Select((golden, index) => Compare(ruleset, golden, file.Name, index)));
        }
        var passed = results.Count(r => r.Passed);
        return new GoldenRunReport(ruleset.Version, draft, results.Count, passed, results.Count - passed, results, problems);
    }

    /// The cases of one file, or the problem that stops it from being read.
    public static (List<GoldenCase> Cases, RuleProblem? Problem) Read(RuleFile file)
    {
        try
        {
            return (JsonSerializer.Deserialize<List<GoldenCase>>(file.Content, Json) ?? [], null);
        }
        catch (JsonException exception)
        {
            return ([], new RuleProblem(file.Name, null, null, $"the golden cases cannot be read ({exception.Message.Split(". ")[0]})",
                (int?)exception.LineNumber + 1));
        }
    }

    /// What the rules give for a case: the outcome, and the tier after triggers for an account with no hold and no
    /// stability wait (the tier a case expects).
    public static (RuleOutcome Outcome, TierDecision Decision) Evaluate(Ruleset ruleset, GoldenCase golden)
    {
        var signals = golden.Signals.Select((s, i) => new SignalFact($"golden-{i + 1}", s.Type, golden.Now.AddDays(-s.DaysAgo), s.Properties)).ToList();
        var outcome = ruleset.Evaluate(golden.Account, new SignalWindow(signals, golden.Now));
        var current = string.IsNullOrEmpty(golden.Account.CurrentTier)
            ? null
            : new TierState(golden.Account.CurrentTier, DateTime.MinValue, null, null, null, "golden");
        var decision = new TierPolicy(new EvaluationOptions { MinDaysInTier = 0, HysteresisPoints = 0 }).Decide(ruleset, outcome, current, golden.Now);
        return (outcome, decision);
    }

    /// The failure sentences of one case (empty when it passes).
    public static IEnumerable<string> Check(Ruleset ruleset, GoldenCase golden) => Compare(ruleset, golden, "", 0).Failures;

    public static GoldenCaseResult Compare(Ruleset ruleset, GoldenCase golden, string file, int index)
    {
        var (outcome, decision) = Evaluate(ruleset, golden);
        var expect = golden.Expect;
        var failures = new List<string>();

        var tier = new GoldenTierCheck(expect.Tier, decision.Tier, outcome.Tier, expect.Tier is null || expect.Tier == decision.Tier);
        if (!tier.Passed)
        {
            failures.Add($"expected tier {expect.Tier} but the rules give {decision.Tier} (composite {outcome.Composite}; {Describe(outcome)})");
        }

        var expectedComponents = expect.Components ?? [];
        var components = outcome.Components.Keys.Union(expectedComponents.Keys).Select(name =>
        {
            var actual = outcome.Components.GetValueOrDefault(name, double.NaN);
            double? expected = expectedComponents.TryGetValue(name, out var value) ? value : null;
            return new GoldenComponentCheck(name, expected, double.IsNaN(actual) ? 0 : actual,
                expected is null || (!double.IsNaN(actual) && Math.Abs(actual - expected.Value) <= Tolerance));
        }).ToList();
        foreach (var (component, expected) in expectedComponents)
        {
            var actual = outcome.Components.GetValueOrDefault(component, double.NaN);
            if (double.IsNaN(actual) || Math.Abs(actual - expected) > Tolerance)
            {
                failures.Add($"expected {component} {expected} but the rules give {actual} ({Describe(outcome)})");
            }
        }

        var compositeFailures = failures.Count;
        if (expect.Composite is { } composite && Math.Abs(outcome.Composite - composite) > Tolerance)
        {
            failures.Add($"expected composite {composite} but the rules give {outcome.Composite}");
        }
        if (expect.CompositeAtLeast is { } atLeast && outcome.Composite < atLeast)
        {
            failures.Add($"expected a composite of at least {atLeast} but the rules give {outcome.Composite}");
        }
        if (expect.CompositeBelow is { } below && outcome.Composite >= below)
        {
            failures.Add($"expected a composite below {below} but the rules give {outcome.Composite}");
        }
        var compositeCheck = new GoldenCompositeCheck(expect.Composite, expect.CompositeAtLeast, expect.CompositeBelow, outcome.Composite,
            failures.Count == compositeFailures);

        var fired = outcome.Triggers.Select(t => t.Rule).Order().ToList();
        var expectedTriggers = expect.Triggers?.Order().ToList();
        var triggers = new GoldenTriggerCheck(expectedTriggers, fired, expectedTriggers?.Except(fired).ToList() ?? [],
            expectedTriggers is null ? [] : fired.Except(expectedTriggers).ToList(), expectedTriggers is null || expectedTriggers.SequenceEqual(fired));
        if (!triggers.Passed)
        {
            failures.Add($"expected triggers [{string.Join(", ", expect.Triggers!)}] but these fired: [{string.Join(", ", fired)}]");
        }

        var segments = outcome.Segments.Select(s => s.Segment).Order().ToList();
        if (expect.Segments is { } expectedSegments && !expectedSegments.Order().SequenceEqual(segments))
        {
            failures.Add($"expected segments [{string.Join(", ", expectedSegments)}] but the rules give [{string.Join(", ", segments)}]");
        }
        if (expect.Motion is { } motion && motion != (outcome.Motion?.Motion ?? ""))
        {
            failures.Add($"expected motion {(motion == "" ? "none" : motion)} but the rules give {outcome.Motion?.Motion ?? "none"}");
        }

        return new GoldenCaseResult(file, index, golden.Name, failures.Count == 0, tier, components, compositeCheck, triggers, failures,
            outcome.PassedRules, golden.Pinned);
    }

    private static string Describe(RuleOutcome outcome) =>
        string.Join(", ", outcome.Components.Select(c => $"{c.Key} {c.Value}")) + "; passed: " + string.Join(", ", outcome.PassedRules);
}
