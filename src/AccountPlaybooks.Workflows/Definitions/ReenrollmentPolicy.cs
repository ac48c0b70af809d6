namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>May a subject enter the playbook again? "never" (default) or "cooldown" after <see cref="Cooldown"/>.</summary>
public sealed class ReenrollmentPolicy
{
    /// <summary>never or cooldown.</summary>
    public string Policy { get; init; } = "never";

    /// <summary>ISO-8601 duration for cooldown, e.g. P30D.</summary>
    public string? Cooldown { get; init; }
}
