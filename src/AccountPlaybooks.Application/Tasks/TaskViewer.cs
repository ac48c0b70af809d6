namespace AccountPlaybooks.Application.Tasks;

/// Who is asking, as far as tasks go: a rep sees their own, a manager their team's (and the queues), everyone else all.
public sealed record TaskViewer(string? RepId, bool IsRep, bool IsManager, string Name);
