namespace AccountPlaybooks.Domain.Tasks;

public enum OutreachTaskStatus
{
    Open,
    Done,
    Skipped,

    /// The playbook ended (exit, disqualification) before the task was worked.
    Cancelled,
}
