namespace AccountPlaybooks.Application.Tasks;

/// Why a task is in someone's inbox: the playbook step that created it, the tier the account is in and what put it
/// there, and the signal the step is about. Each part is null when it does not apply (a task made outside a playbook,
/// an unscored account, a step that no signal started).
public sealed record TaskWhy(TaskStepWhy? Step, TaskTierWhy? Tier, TaskSignalWhy? Signal);

/// The playbook, version and step that created the task, and the run (instance) it belongs to.
public sealed record TaskStepWhy(string PlaybookId, string PlaybookName, int Version, string NodeId, string? NodeType, string? Template,
    string? InstanceId, string? InstanceStatus, string? StartedBy, DateTime? StartedAt);

/// The account's tier, since when, and the move that put it there: its kind (score, trigger, rules-changed,
/// first-evaluation), the rules that decided it and the ruleset version.
public sealed record TaskTierWhy(string Tier, DateTime Since, string? Kind, IReadOnlyList<string> Rules, string? RulesetVersion,
    IReadOnlyList<string> Reasons);

/// One signal, in the words the inbox shows: its type, when it happened, where it came from and its properties.
public sealed record TaskSignalWhy(string Id, string Type, DateTime OccurredAt, string? Source, IReadOnlyDictionary<string, string> Properties,
    string Role);
