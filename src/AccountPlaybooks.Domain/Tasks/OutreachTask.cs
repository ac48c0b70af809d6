namespace AccountPlaybooks.Domain.Tasks;

/// A piece of work for a rep (or a queue) that a playbook step created: its rendered text, whom it is for, when it is
/// due, its SLA and, once worked, its outcome. The playbook waits on it until it has an outcome.
public sealed class OutreachTask
{
    public required string Id { get; set; }
    public required string AccountId { get; set; }
    public TaskKind Kind { get; set; }

    /// The instance and node that created it; null for tasks made outside a playbook.
    public string? InstanceId { get; set; }
    public string? NodeId { get; set; }
    public string? PlaybookId { get; set; }
    public int? PlaybookVersion { get; set; }

    /// email, call, linkedin, research, meeting or review.
    public required string Channel { get; set; }
    public required string Template { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }

    /// The role the step asked for (ae, sdr, owner, manager, queue) and who got it: a rep, or a queue when no rep could.
    public required string AssigneeRole { get; set; }
    public string? AssigneeRepId { get; set; }
    public string? Queue { get; set; }

    /// Outcomes the rep can choose beyond Done and Skipped (each is a port of the step), e.g. Replied, MeetingBooked.
    public List<string> Outcomes { get; set; } = [];
    public string? SignalId { get; set; }

    /// The task whose breach this escalation is about.
    public string? EscalatedFromId { get; set; }

    public OutreachTaskStatus Status { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? SlaDueAt { get; set; }
    public DateTime? SlaWarnAt { get; set; }
    public DateTime? SlaWarnedAt { get; set; }
    public DateTime? SlaBreachedAt { get; set; }
    public DateTime? SnoozedUntil { get; set; }
    public string? Outcome { get; set; }
    public string? Note { get; set; }
    public string? CompletedBy { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; }

    /// Met when it was completed before its SLA deadline; null while open or without an SLA.
    public bool? SlaMet => SlaDueAt is { } due && CompletedAt is { } done ? done <= due && SlaBreachedAt is null : null;
}
