using System.Text.Json;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.UnitTests.Workflows;

/// One engine scenario file: a playbook, the answers its conditions get, and steps with expectations.
public sealed class Scenario
{
    public required string Name { get; init; }
    public required PlaybookDefinition Playbook { get; init; }

    /// Condition → true, false or "throw".
    public Dictionary<string, JsonElement> Conditions { get; init; } = [];
    public List<ScenarioStep> Steps { get; init; } = [];
}

public sealed class ScenarioStep
{
    /// start, timer, signal or cancel.
    public required string Do { get; init; }
    public DateTime At { get; init; }
    public string? Node { get; init; }
    public string? Type { get; init; }
    public string? Id { get; init; }
    public Dictionary<string, string> Properties { get; init; } = [];
    public required ScenarioExpectation Expect { get; init; }
}

public sealed class ScenarioExpectation
{
    public string? Status { get; init; }
    public bool? Applied { get; init; }
    public List<string>? WaitingAt { get; init; }
    public List<DateTime>? TimersDue { get; init; }
    public List<string>? Path { get; init; }
    public Dictionary<string, string>? Variables { get; init; }
    public string? IncidentAt { get; init; }
}
