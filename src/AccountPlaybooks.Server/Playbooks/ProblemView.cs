using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.Server.Playbooks;

/// One validation problem as the designer shows it: on which node (and port or input), and the one-line text the
/// CLI and the log print.
public sealed record ProblemView(string? NodeId, string? Where, string Message, string Text)
{
    public static ProblemView From(PlaybookProblem problem) => new(problem.NodeId, problem.Where, problem.Message, problem.ToString());
}
