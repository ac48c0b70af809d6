using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Server.Rules;

/// One rule problem as the rule editor shows it: file, workflow, rule, line, position in the expression, a suggestion,
/// the fix an editor can apply, and the one-line text the CLI and the log print.
public sealed record RuleProblemView(string File, string? Workflow, string? Rule, string Message, int? Line, int? Position,
    string? Suggestion, RuleFix? Fix, string Text)
{
    public static RuleProblemView From(RuleProblem p) => new(p.File, p.Workflow, p.Rule, p.Message, p.Line, p.Position, p.Suggestion, p.Fix, p.ToString());
}
