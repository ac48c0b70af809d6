namespace AccountPlaybooks.Application.Outreach;

/// One template name as the catalog sees it: the last good version (if any) and what is wrong with the file now.
public sealed record TemplateStatus(string Name, TaskTemplate? Live, IReadOnlyList<TemplateProblem> Problems);
