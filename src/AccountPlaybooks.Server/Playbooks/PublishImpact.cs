namespace AccountPlaybooks.Server.Playbooks;

/// What publishing one version would change. Running instances stay on the version they started on, to the end; only
/// new instances start on the published version. Triggers say which accounts could enroll under this version's
/// triggers and re-enrollment policy, and when; Publishable is false while Problems would refuse the publish.
public sealed record PublishImpact(string Id, int Version, string Status, int? LiveVersion, bool Publishable, IReadOnlyList<ProblemView> Problems,
    IReadOnlyList<RunningOnVersion> Running, string RunningNote, IReadOnlyList<TriggerReach> Triggers, string Note);

/// Instances still running (waiting) on one version; they finish on it whatever is published.
public sealed record RunningOnVersion(int Version, int Instances);

/// One trigger's reach now: Matching accounts fit the trigger's scope (e.g. are in the tier); of those, AlreadyRunning
/// run this playbook and ReenrollmentBlocked may not enter again yet; Eligible is the rest, Sample the first of them by
/// name. Matching and Eligible are null when it cannot be known before it happens (a trigger rule). Meaning says when
/// the eligible accounts actually enroll: never at publish time.
public sealed record TriggerReach(int Index, string Trigger, int? Matching, int AlreadyRunning, int ReenrollmentBlocked, int? Eligible,
    IReadOnlyList<AccountChoice> Sample, string Meaning);

public sealed record AccountChoice(string Id, string Name, string? Tier);
