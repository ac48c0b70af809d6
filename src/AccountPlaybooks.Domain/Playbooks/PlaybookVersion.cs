namespace AccountPlaybooks.Domain.Playbooks;

/// One version of a playbook definition. Instances stay on the version they started on, so published versions
/// are never changed: an edit is a new draft, a publish makes it the one new instances start on.
public sealed class PlaybookVersion
{
    public required string DefinitionId { get; set; }
    public int Number { get; set; }
    public PlaybookVersionStatus Status { get; set; }

    /// The definition in the file format (workflows/*.json).
    public required string Json { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// Validation problems of a draft, for the designer.
    public List<string> Problems { get; set; } = [];
}
