namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>Everything the engine needs to continue an instance later. Hosts store it as JSON with the instance row.</summary>
public sealed class InstanceState
{
    /// <summary>Instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The playbook's id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The playbook version this instance is pinned to.</summary>
    public required int Version { get; init; }

    /// <summary>Whom the instance is about (the host's id, e.g. an account id). The engine never reads it.</summary>
    public required string Subject { get; init; }

    /// <summary>Current status.</summary>
    public InstanceStatus Status { get; set; } = InstanceStatus.Waiting;

    /// <summary>Instance variables, text values.</summary>
    public Dictionary<string, string> Variables { get; init; } = [];

    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>For each Join node, the nodes whose paths have arrived.</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; init; } = [];

    /// <summary>Failed runs per node, for retries.</summary>
    public Dictionary<string, int> Failures { get; init; } = [];

    /// <summary>Set when the instance faulted.</summary>
    public Incident? Incident { get; set; }

    /// <summary>When it started.</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>When it finished, faulted or was cancelled.</summary>
    public DateTime? EndedAt { get; set; }
}
