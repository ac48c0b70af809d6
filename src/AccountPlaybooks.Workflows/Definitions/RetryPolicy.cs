namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>Retries of a failing activity: up to <see cref="Attempts"/> runs in all, waiting
/// <see cref="Backoff"/> (ISO-8601), doubled after each failure.</summary>
public sealed class RetryPolicy
{
    /// <summary>The default when a node names none: 3 attempts, one minute apart at first.</summary>
    public static readonly RetryPolicy Default = new();

    /// <summary>Runs in all, including the first.</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>Wait before the second run, e.g. PT1M.</summary>
    public string Backoff { get; init; } = "PT1M";
}
