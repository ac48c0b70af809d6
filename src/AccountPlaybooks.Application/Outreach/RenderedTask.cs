namespace AccountPlaybooks.Application.Outreach;

/// A task's text from a template: the title (its first non-empty line) and the markdown body (the rest).
public sealed record RenderedTask(string Title, string Body);
