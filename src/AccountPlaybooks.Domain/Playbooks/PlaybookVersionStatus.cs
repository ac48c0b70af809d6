namespace AccountPlaybooks.Domain.Playbooks;

public enum PlaybookVersionStatus
{
    Draft,

    /// The version new instances start on (one per playbook).
    Published,

    /// Was published; instances that started on it keep running on it.
    Superseded,

    /// Withdrawn: no new instances; running ones continue.
    Retracted,
}
