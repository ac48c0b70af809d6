namespace AccountPlaybooks.Application.Tasks;

/// The outcomes every task has; a step adds its own (Replied, MeetingBooked, ...), each a port of the step.
public static class TaskOutcomes
{
    public const string Done = "Done";
    public const string Skipped = "Skipped";

    /// The outcomes a rep may choose for a task with these extra outcomes.
    public static IReadOnlyList<string> For(IEnumerable<string> extra) => [Done, Skipped, .. extra.Where(o => o is not (Done or Skipped))];
}
