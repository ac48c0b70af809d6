namespace AccountPlaybooks.Workflows.Validation;

/// <summary>What is wrong with a playbook, at node (and port or input) level where it applies.</summary>
public sealed record PlaybookProblem(string? NodeId, string? Where, string Message)
{
    /// <summary>"node brief, input template: ..." for people.</summary>
    public override string ToString() => (NodeId, Where) switch
    {
        (not null, not null) => $"node {NodeId}, {Where}: {Message}",
        (not null, null) => $"node {NodeId}: {Message}",
        (null, not null) => $"{Where}: {Message}",
        _ => Message,
    };
}
