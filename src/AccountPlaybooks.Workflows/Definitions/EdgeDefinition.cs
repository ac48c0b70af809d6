namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>When node <see cref="From"/> completes through <see cref="Port"/>, node <see cref="To"/> runs.
/// Several edges may leave one port: each starts its own path (join them with an explicit Join).</summary>
public sealed record EdgeDefinition(string From, string Port, string To);
