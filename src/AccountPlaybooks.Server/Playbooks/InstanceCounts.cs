namespace AccountPlaybooks.Server.Playbooks;

/// Where a playbook's instances are: instances per status, and for each node the running instances waiting there
/// (an instance on parallel paths counts at each of its nodes), and of those the ones whose open task there is past its SLA.
public sealed record InstanceCounts(string Id, int? Version, IReadOnlyDictionary<string, int> Statuses, IReadOnlyDictionary<string, int> WaitingAtNode,
    IReadOnlyDictionary<string, int> PastSlaAtNode);
