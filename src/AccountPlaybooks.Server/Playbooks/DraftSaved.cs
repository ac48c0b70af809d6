namespace AccountPlaybooks.Server.Playbooks;

/// The answer to a saved edit: the new draft's number and what stands between it and a publish.
public sealed record DraftSaved(string Id, int Version, bool Publishable, IReadOnlyList<ProblemView> Problems);
