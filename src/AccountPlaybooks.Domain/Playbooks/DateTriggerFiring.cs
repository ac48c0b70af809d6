namespace AccountPlaybooks.Domain.Playbooks;

/// A date trigger that started (or tried to start) a playbook for one account and one value of its date field:
/// the same date never fires twice, and a changed date (a renewal moved) arms the trigger again.
public sealed class DateTriggerFiring
{
    public required string AccountId { get; set; }
    public required string PlaybookId { get; set; }
    public DateTime Date { get; set; }
    public required string Field { get; set; }
    public DateTime FiredAt { get; set; }

    /// The instance it started, null when the re-enrollment policy kept the account out.
    public string? InstanceId { get; set; }
}
