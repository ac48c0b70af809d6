namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>Why an instance faulted: the node, the error, when, after how many attempts.</summary>
public sealed record Incident(string NodeId, string Message, DateTime At, int Attempts);
