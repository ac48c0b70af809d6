namespace AccountPlaybooks.Application.Outreach;

/// A render: the task's text, or the problems that stopped it (never both).
public sealed record RenderResult(RenderedTask? Task, IReadOnlyList<TemplateProblem> Problems)
{
    public static RenderResult Failed(IReadOnlyList<TemplateProblem> problems) => new(null, problems);

    public static RenderResult Failed(TemplateProblem problem) => new(null, [problem]);
}
