namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// The "Simulation" configuration section: the caps that keep any input from holding the server.
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// How far ahead a run looks when the request names no horizon (ISO-8601, wall-clock days).
    public string DefaultHorizon { get; set; } = "P60D";

    /// The longest horizon a request may ask for.
    public int MaxHorizonDays { get; set; } = 365;

    /// A run stops after this many journal lines (every step writes at least one).
    public int MaxJournalLines { get; set; } = 500;

    /// A run stops after this much real time (a warm run of a typical playbook takes well under a second; the first
    /// after start-up pays for compiling queries).
    public int TimeoutSeconds { get; set; } = 10;

    /// Script entries a request may carry.
    public int MaxScriptEntries { get; set; } = 200;

    /// Simulations running at once; more wait for a free slot (within their timeout).
    public int MaxConcurrent { get; set; } = 2;
}
