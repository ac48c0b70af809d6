namespace AccountPlaybooks.Application.Rules;

/// Validate = compile strictly + run every golden case. Shared by publish, the API's validate and the CLI.
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
}
