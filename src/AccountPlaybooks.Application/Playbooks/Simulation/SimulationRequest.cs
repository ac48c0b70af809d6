using System.Text.Json;

namespace AccountPlaybooks.Application.Playbooks.Simulation;

/// What to simulate: a definition (default: the playbook's newest draft, else its published version), an account
/// (a real one by id, a synthetic one, or a real one with some fields changed), when to start, what happens, and
/// how far to look ahead.
public sealed record SimulationRequest(
    JsonElement? Definition = null,
    string? AccountId = null,
    SimulatedAccount? Account = null,
    DateTime? Start = null,
    IReadOnlyList<ScriptEntry>? Script = null,
    string? Horizon = null);
