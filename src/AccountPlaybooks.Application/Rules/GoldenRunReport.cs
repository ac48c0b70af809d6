namespace AccountPlaybooks.Application.Rules;

/// Every golden case of rules/tests/ run on one ruleset (the live one or a draft). FileProblems are case files that
/// cannot be read; they fail the run like a failing case.
public sealed record GoldenRunReport(string RulesVersion, bool Draft, int Total, int Passed, int Failed,
    IReadOnlyList<GoldenCaseResult> Cases, IReadOnlyList<RuleProblem> FileProblems)
{
    public bool AllPassed => Failed == 0 && FileProblems.Count == 0;
}
