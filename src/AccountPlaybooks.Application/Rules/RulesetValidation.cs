namespace AccountPlaybooks.Application.Rules;

/// Validate = compile strictly + run every golden case. Shared by publish, the API's validate and the CLI.
/// <see cref="ValidateAsync"/> adds the cost budget (<see cref="RuleCostCheck"/>): publish and the API's validate.
public static class RulesetValidation
{
    public static (Ruleset? Ruleset, PublishResult Result) Validate(IReadOnlyList<RuleFile> rules, IReadOnlyList<RuleFile> cases)
    {
        var version = RulesetCompiler.HashOf(rules)[..12];
        var (ruleset, problems) = RulesetCompiler.Compile(rules);
        if (ruleset is null)
        {
            return (null, new PublishResult(false, version, problems));
        }
        var failures = GoldenCases.Run(ruleset, cases);
        return failures.Count > 0 ? (null, new PublishResult(false, version, failures)) : (ruleset, new PublishResult(true, version, []));
    }

    /// <see cref="Validate"/>, then what each rule costs per account on the golden cases and stored accounts.
    public static async Task<(Ruleset? Ruleset, PublishResult Result)> ValidateAsync(IReadOnlyList<RuleFile> rules, IReadOnlyList<RuleFile> cases,
        RuleCostCheck costs, CancellationToken cancellationToken)
    {
        var (ruleset, result) = Validate(rules, cases);
        if (ruleset is null)
        {
            return (null, result);
        }
        var report = await costs.MeasureAsync(ruleset, cases, cancellationToken);
        return report.Problems.Count > 0 ? (null, result with { Accepted = false, Problems = report.Problems }) : (ruleset, result);
    }
}
