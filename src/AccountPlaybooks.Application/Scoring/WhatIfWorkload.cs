using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Playbooks.Simulation;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Scoring;

/// The work a what-if's playbook entries would create: each playbook that accounts would enter is run once through
/// the simulator (the real engine on a throwaway database, docs/adr/0011) for the first account entering it, for
/// <see cref="HorizonDays"/> days, every task done by its due time and no signal arriving; its tasks per step, times
/// the accounts entering, go to each account's assignee for the step (<see cref="TaskAttribution"/>). An estimate,
/// and the report says on what it rests; the open tasks the exits would cancel are counted exactly beside it.
public sealed class WhatIfWorkload(PlaybookSimulator simulator, PlaybookCatalog catalog, AppDbContext db, TasksOptions tasks)
{
    public const int HorizonDays = 7;

    public async Task<(List<WhatIfPlaybook> Playbooks, List<WhatIfRepTasks> PerRep)> EstimateAsync(PlaybookConsequences consequences,
        DateTime now, Func<WhatIfProgress, ValueTask> progress, CancellationToken cancellationToken)
    {
        var reps = await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
        var created = new Dictionary<string, Dictionary<string, int>>();
        var playbooks = new List<WhatIfPlaybook>();
        var all = consequences.PerPlaybook.Values.OrderBy(c => c.Definition.Name, StringComparer.Ordinal).ToList();
        var toSimulate = all.Count(c => c.Entering > 0);
        var simulated = 0;
        foreach (var counts in all)
        {
            var definition = catalog.GetPublished(counts.Definition.Id) ?? counts.Definition;
            if (counts.Entering == 0 || counts.Sample is not { } sample)
            {
                playbooks.Add(new WhatIfPlaybook(definition.Id, definition.Name, definition.Version, 0, counts.Leaving, counts.OpenTasksCancelled,
                    null, 0, null, null, null, []));
                continue;
            }
            await progress(new WhatIfProgress(WhatIfProgress.Playbooks, simulated, toSimulate, $"Simulating the first {HorizonDays} days of {definition.Name}"));
            var (steps, note) = await SimulateAsync(definition, sample, now, cancellationToken);
            simulated++;
            var attribution = new TaskAttribution(definition, reps, tasks.DefaultQueue, now);
            foreach (var ((ae, sdr), accounts) in counts.Owners)
            {
                foreach (var step in steps)
                {
                    var key = attribution.For(definition.Nodes.First(n => n.Id == step.NodeId), ae, sdr);
                    var perPlaybook = created.TryGetValue(key, out var existing) ? existing : created[key] = [];
                    perPlaybook[definition.Id] = perPlaybook.GetValueOrDefault(definition.Id) + step.Tasks * accounts;
                }
            }
            var perEntry = steps.Sum(s => s.Tasks);
            playbooks.Add(new WhatIfPlaybook(definition.Id, definition.Name, definition.Version, counts.Entering, counts.Leaving, counts.OpenTasksCancelled,
                note is null || steps.Count > 0 ? perEntry : null, perEntry * counts.Entering, sample.Id, sample.Name, note, steps));
        }
        if (toSimulate > 0)
        {
            await progress(new WhatIfProgress(WhatIfProgress.Playbooks, simulated, toSimulate, "Playbooks simulated"));
        }
        var keys = created.Keys.Union(consequences.CancelledPerAssignee.Keys);
        var perRep = keys.Select(key => new WhatIfRepTasks(key, reps.ContainsKey(key) ? key : null, NameOf(key, reps), KindOf(key),
                created.GetValueOrDefault(key)?.Values.Sum() ?? 0, consequences.CancelledPerAssignee.GetValueOrDefault(key),
                created.GetValueOrDefault(key) ?? []))
            .OrderByDescending(r => r.Created).ThenByDescending(r => r.Cancelled).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return (playbooks, perRep);
    }

    /// Tasks per step for one entering account in the first days; a note when the run could not be used as it is.
    private async Task<(List<WhatIfStepTasks> Steps, string? Note)> SimulateAsync(PlaybookDefinition definition, (string Id, string Name, string Tier) sample,
        DateTime now, CancellationToken cancellationToken)
    {
        var taskNodes = definition.Nodes.Where(n => n.Type is "CreateTask" or "Escalate").ToList();
        if (taskNodes.Count == 0)
        {
            return ([], null); // makes no tasks: nothing to simulate
        }
        var script = taskNodes.Select(n => new ScriptEntry(Node: n.Id, Outcome: "Done",
            After: n.Inputs.TryGetValue("due", out var due) && due.ValueKind == JsonValueKind.String ? due.GetString() : null)).ToList();
        SimulationOutcome outcome;
        try
        {
            outcome = await simulator.SimulateAsync(definition.Id, new SimulationRequest(
                Definition: JsonDocument.Parse(PlaybookJson.Write(definition)).RootElement.Clone(), AccountId: sample.Id,
                Account: new SimulatedAccount(Tier: sample.Tier), Start: now, Script: script, Horizon: $"P{HorizonDays}D"), cancellationToken);
        }
        catch (ValidationException exception)
        {
            return ([], $"not estimated: the simulation refused the run ({string.Join("; ", exception.Errors.SelectMany(e => e.Value))})");
        }
        if (outcome.Result is not { } result)
        {
            return ([], $"not estimated: {outcome.NotFound ?? string.Join("; ", outcome.Problems?.Select(p => p.ToString()) ?? [])}");
        }
        var steps = result.Tasks.GroupBy(t => t.NodeId).Where(g => taskNodes.Any(n => n.Id == g.Key))
            .Select(g => new WhatIfStepTasks(g.Key, g.First().Channel, Assignee(taskNodes.First(n => n.Id == g.Key)), g.Count()))
            .OrderBy(s => taskNodes.FindIndex(n => n.Id == s.NodeId)).ToList();
        var note = result.EndedReason is "timeLimit" or "stepLimit" or "error"
            ? $"the simulated run stopped early ({result.EndedDetail}); tasks counted up to there"
            : null;
        return (steps, note);
    }

    private static string Assignee(NodeDefinition node) =>
        node.Inputs.TryGetValue(node.Type == "Escalate" ? "to" : "assignee", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : node.Type == "Escalate" ? "manager" : "owner";

    private static string NameOf(string key, Dictionary<string, Domain.Reps.Rep> reps) => key switch
    {
        TaskAttribution.AssignedOnEntry => "New owner (assigned on entry)",
        _ when key.StartsWith("queue:", StringComparison.Ordinal) => $"Queue {key[6..]}",
        _ => reps.GetValueOrDefault(key)?.Name ?? key,
    };

    private static string KindOf(string key) => key switch
    {
        TaskAttribution.AssignedOnEntry => "assignedOnEntry",
        _ when key.StartsWith("queue:", StringComparison.Ordinal) => "queue",
        _ => "rep",
    };
}
