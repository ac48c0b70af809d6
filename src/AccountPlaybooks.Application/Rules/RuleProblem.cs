namespace AccountPlaybooks.Application.Rules;

/// What is wrong with a ruleset, for people: where (file, line, workflow, rule, position in the expression),
/// what in plain words, and what to do instead, with the "did you mean" as a <see cref="RuleFix"/> an editor can apply.
/// The API, the CLI and the log all print <see cref="ToString"/>.
public sealed record RuleProblem(string File, string? Workflow, string? Rule, string Message,
    int? Line = null, int? Position = null, string? Suggestion = null, RuleFix? Fix = null)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"{File}:{line}" : File;
        var inRule = (Workflow, Rule) switch
        {
            (not null, not null) => $" workflow {Workflow}, rule {Rule}:",
            (not null, null) => $" workflow {Workflow}:",
            _ => "",
        };
        var at = Position is { } position ? $" (at character {position + 1} of the expression)" : "";
        var hint = Suggestion is null ? "" : $" {Suggestion}";
        return $"{where}:{inRule} {Message}{at}.{hint}";
    }
}
