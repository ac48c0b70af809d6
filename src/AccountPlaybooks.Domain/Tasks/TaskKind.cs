namespace AccountPlaybooks.Domain.Tasks;

public enum TaskKind
{
    /// A CreateTask step of a playbook.
    Step,

    /// An Escalate step: a missed SLA for the owner's manager or a queue.
    Escalation,
}
