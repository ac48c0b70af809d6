namespace AccountPlaybooks.Application.Outreach;

/// What is wrong with a template, for people: the file, the 1-based line and column when known, and what.
/// The API, the CLI and the log all print <see cref="ToString"/>: "tier1-research-brief.sbn:3:14: message".
public sealed record TemplateProblem(string File, int? Line, int? Column, string Message)
{
    public override string ToString() => (Line, Column) switch
    {
        ({ } line, { } column) => $"{File}:{line}:{column}: {Message}",
        ({ } line, null) => $"{File}:{line}: {Message}",
        _ => $"{File}: {Message}",
    };
}
