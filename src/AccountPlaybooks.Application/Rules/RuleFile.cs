namespace AccountPlaybooks.Application.Rules;

/// One file of a ruleset: its name in rules/ ("scoring.json") and its text.
public sealed record RuleFile(string Name, string Content);
