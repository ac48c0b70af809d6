using System.CommandLine;
using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Cli.Commands;

/// `rules validate [dir]` and `rules test [dir]`: offline checks of a rules folder, the same ones a publish runs.
internal static class RulesCommands
{
    public static Command Create() => new("rules", "Check rule files without a server")
    {
        Check("validate", "Parse and validate every rule file (strict keys, sandboxed expressions, Properties)", runCases: false),
        Check("test", "Validate, then run the golden cases in DIR/tests against the rules and check each rule's cost on them", runCases: true),
    };

    private static Command Check(string name, string description, bool runCases)
    {
        var folder = FolderArgument();
        var command = new Command(name, description) { folder };
        command.SetAction(async (parsed, _) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var path = parsed.GetValue(folder)!.FullName;
            if (!Directory.Exists(path))
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"{path}: no such folder");
                return Cli.UsageErrors;
            }
            var (rules, cases) = RulesFolder.Read(path);
            var (ruleset, result) = runCases ? TestWithCost(rules, cases) : Compile(rules);
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }
            if (ruleset is null)
            {
                await output.WriteLineAsync($"{result.Problems.Count} problem(s); ruleset {result.Version} would be rejected");
                return Cli.ValidationErrors;
            }
            var summary = runCases ? $", {CountCases(cases)} golden case(s) pass" : "";
            await output.WriteLineAsync($"ruleset {ruleset.Version}: {rules.Count} file(s), {Count(ruleset)} rules valid{summary}");
            return Cli.Ok;
        });
        return command;
    }

    /// Validate and the cost budget at its default limits, on the golden cases only (offline: a publish also measures
    /// a sample of stored accounts).
    private static (Ruleset?, PublishResult) TestWithCost(List<RuleFile> rules, List<RuleFile> cases)
    {
        var (ruleset, result) = RulesetValidation.Validate(rules, cases);
        if (ruleset is null)
        {
            return (null, result);
        }
        var report = RuleCostMeter.Measure(ruleset, RuleCostSubject.FromGoldenCases(cases), new RuleCostOptions(),
            TimeSpan.FromMilliseconds(new Application.Scoring.EvaluationOptions().AccountBudgetMilliseconds));
        return report.Problems.Count > 0 ? (null, result with { Accepted = false, Problems = report.Problems }) : (ruleset, result);
    }

    private static (Ruleset?, PublishResult) Compile(List<RuleFile> rules)
    {
        var (ruleset, problems) = RulesetCompiler.Compile(rules);
        return (ruleset, new PublishResult(ruleset is not null, RulesetCompiler.HashOf(rules)[..12], problems));
    }

    private static int Count(Ruleset ruleset) =>
        ruleset.ComponentRules.Count + ruleset.WeightRules.Count + ruleset.TierRules.Count + ruleset.TriggerRules.Count;

    private static int CountCases(List<RuleFile> cases) =>
        cases.Sum(c => System.Text.Json.JsonDocument.Parse(c.Content, new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
        }).RootElement.GetArrayLength());

    internal static Argument<DirectoryInfo> FolderArgument() => new("DIR")
    {
        Description = "The rules folder (default: rules)",
        DefaultValueFactory = _ => new DirectoryInfo("rules"),
    };
}
