namespace AccountPlaybooks.Application.Outreach;

/// A playbook node that renders a template: the playbook, the version (Published, or a Draft newer than it), the
/// node's id and activity type, and the input that names the template (given, or the activity's default).
public sealed record TemplateUsage(string Template, string PlaybookId, string PlaybookName, int Version, string Status, string NodeId,
    string NodeType, string Input);
