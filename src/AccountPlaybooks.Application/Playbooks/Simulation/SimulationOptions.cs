using System.ComponentModel.DataAnnotations;
namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The "Simulation" configuration section: the caps that keep any input from holding the server.
public sealed class SimulationOptions : IValidatableObject
{
    public const string Section = "Simulation";

    /// How far ahead a run looks when the request names no horizon (ISO-8601, wall-clock days).
    public string DefaultHorizon { get; set; } = "P60D";

    /// The longest horizon a request may ask for.
    [Range(1, 3650)]
    public int MaxHorizonDays { get; set; } = 365;

    /// A run stops after this many journal lines (every step writes at least one).
    [Range(1, 1_000_000)]
    public int MaxJournalLines { get; set; } = 500;

    /// A run stops after this much real time (a warm run of a typical playbook takes well under a second; the first
    /// after start-up pays for compiling queries).
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;

    /// Script entries a request may carry.
    [Range(0, 100_000)]
    public int MaxScriptEntries { get; set; } = 200;

    /// Simulations running at once; more wait for a free slot (within their timeout).
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AccountPlaybooks.Workflows.Activities.InputBinder.TryParseDuration(DefaultHorizon, out var horizon) || horizon <= TimeSpan.Zero
            || horizon > TimeSpan.FromDays(MaxHorizonDays))
        {
            yield return new ValidationResult("expected an ISO-8601 duration of at most MaxHorizonDays, such as \"P60D\"", [nameof(DefaultHorizon)]);
        }
    }
}
