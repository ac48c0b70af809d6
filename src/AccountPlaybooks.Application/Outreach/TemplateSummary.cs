namespace AccountPlaybooks.Application.Outreach;

/// A row of the template list: the live version's hash and sample title, what is wrong with the file now, who made the
/// live version live and when (SavedBy is empty when it came from the folder rather than a save in the Studio; both
/// are empty when that is unknown), and how many playbook nodes use the template.
public sealed record TemplateSummary(string Name, string? Hash, string? SampleTitle, IReadOnlyList<TemplateProblem> Problems, string? SavedBy,
    DateTime? SavedAt, int Uses);
