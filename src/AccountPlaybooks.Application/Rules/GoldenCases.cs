using System.Text.Json;
using System.Text.Json.Serialization;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// Runs the golden cases of rules/tests/ against a ruleset; every failure is a problem that names the case.
public static class GoldenCases
{
    private const double Tolerance = 0.05;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static List<RuleProblem> Run(Ruleset ruleset, IEnumerable<RuleFile> caseFiles)
    {
        var problems = new List<RuleProblem>();
        foreach (var file in caseFiles)
        {
            List<GoldenCase> cases;
            try
            {
                cases = JsonSerializer.Deserialize<List<GoldenCase>>(file.Content, Json) ?? [];
            }
            catch (JsonException exception)
            {
                problems.Add(new RuleProblem(file.Name, null, null, $"the golden cases cannot be read ({exception.Message.Split(". ")[0]})",
                    (int?)exception.LineNumber + 1));
                continue;
            }
            foreach (var golden in cases)
            {
                problems.AddRange(Check(ruleset, golden).Select(message => new RuleProblem(file.Name, null, null, $"case \"{golden.Name}\": {message}")));
            }
        }
        return problems;
    }

    /// The tier a case expects is the tier after triggers, for an account with no hold and no stability wait.
    public static IEnumerable<string> Check(Ruleset ruleset, GoldenCase golden)
    {
        var signals = golden.Signals.Select((s, i) => new SignalFact($"golden-{i + 1}", s.Type, golden.Now.AddDays(-s.DaysAgo), s.Properties)).ToList();
        var outcome = ruleset.Evaluate(golden.Account, new SignalWindow(signals, golden.Now));
        var current = string.IsNullOrEmpty(golden.Account.CurrentTier)
            ? null
            : new TierState(golden.Account.CurrentTier, DateTime.MinValue, null, null, null, "golden");
        var decision = new TierPolicy(new EvaluationOptions { MinDaysInTier = 0, HysteresisPoints = 0 }).Decide(ruleset, outcome, current, golden.Now);
        var expect = golden.Expect;
        if (expect.Tier is not null && expect.Tier != decision.Tier)
        {
            yield return $"expected tier {expect.Tier} but the rules give {decision.Tier} (composite {outcome.Composite}; {Describe(outcome)})";
        }
        foreach (var (component, expected) in expect.Components ?? [])
        {
            var actual = outcome.Components.GetValueOrDefault(component, double.NaN);
            if (double.IsNaN(actual) || Math.Abs(actual - expected) > Tolerance)
            {
                yield return $"expected {component} {expected} but the rules give {actual} ({Describe(outcome)})";
            }
        }
        if (expect.Composite is { } composite && Math.Abs(outcome.Composite - composite) > Tolerance)
        {
            yield return $"expected composite {composite} but the rules give {outcome.Composite}";
        }
        if (expect.CompositeAtLeast is { } atLeast && outcome.Composite < atLeast)
        {
            yield return $"expected a composite of at least {atLeast} but the rules give {outcome.Composite}";
        }
        if (expect.CompositeBelow is { } below && outcome.Composite >= below)
        {
            yield return $"expected a composite below {below} but the rules give {outcome.Composite}";
        }
        var fired = outcome.Triggers.Select(t => t.Rule).Order().ToList();
        if (expect.Triggers is { } triggers && !triggers.Order().SequenceEqual(fired))
        {
            yield return $"expected triggers [{string.Join(", ", triggers)}] but these fired: [{string.Join(", ", fired)}]";
        }
    }

    private static string Describe(RuleOutcome outcome) =>
        string.Join(", ", outcome.Components.Select(c => $"{c.Key} {c.Value}")) + "; passed: " + string.Join(", ", outcome.PassedRules);
}
