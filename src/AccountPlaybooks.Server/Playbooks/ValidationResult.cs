namespace AccountPlaybooks.Server.Playbooks;

/// What the designer shows while a manager edits: could this definition be published, and if not, where and why.
public sealed record ValidationResult(bool Publishable, IReadOnlyList<ProblemView> Problems);
