using AccountPlaybooks.Application.Outreach;

namespace AccountPlaybooks.Server.Templates;

/// One template problem with file, line and column, and the one-line text the CLI and the log print.
public sealed record TemplateProblemView(string File, int? Line, int? Column, string Message, string Text)
{
    public static TemplateProblemView From(TemplateProblem p) => new(p.File, p.Line, p.Column, p.Message, p.ToString());
}
