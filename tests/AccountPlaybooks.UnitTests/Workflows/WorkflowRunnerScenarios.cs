using System.Text.Json;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;
using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.UnitTests.Workflows;

/// Every JSON file in Scenarios/ runs through the real runner, step by step (Elsa keeps its engine tests the same way).
public sealed class WorkflowRunnerScenarios
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Workflows", "Scenarios");

    public static TheoryData<string> Files() => new(Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task RunsAsWritten(string file)
    {
        var scenario = JsonSerializer.Deserialize<Scenario>(await File.ReadAllTextAsync(Path.Combine(Folder, file)), PlaybookJson.Options)!;
        var conditions = new ScenarioConditions(scenario.Conditions);
        var registry = new ActivityRegistry();
        Assert.Empty(PlaybookValidator.Validate(scenario.Playbook, registry, new ValidationHooks(conditions.Check)).Select(p => p.ToString()));
        var runner = new WorkflowRunner(registry, conditions);
        InstanceState? state = null;
        var path = new List<string>();
        for (var i = 0; i < scenario.Steps.Count; i++)
        {
            var step = scenario.Steps[i];
            var at = DateTime.SpecifyKind(step.At, DateTimeKind.Utc);
            var result = step.Do switch
            {
                "start" => await runner.StartAsync(scenario.Playbook, "instance-1", "account-1", at),
                "timer" => await ResumeAsync(runner, scenario.Playbook, state!, b => b.NodeId == step.Node && BookmarkKinds.IsTimed(b.Kind), Stimulus.Timer(), at),
                "signal" => await ResumeAsync(runner, scenario.Playbook, state!, b => WaitForSignal.Matches(b, step.Type!, step.Properties),
                    new Stimulus(BookmarkKinds.Signal, new Dictionary<string, string> { ["id"] = step.Id ?? "signal", ["type"] = step.Type! }), at),
                "cancel" => WorkflowRunner.Cancel(scenario.Playbook, state!, at, "test"),
                _ => throw new InvalidOperationException($"unknown step {step.Do}"),
            };
            state = result.State;
            path.AddRange(result.Journal.Where(j => j.Event == "Completed").Select(j => $"{j.NodeId}:{j.Port}"));
            Check($"{file} step {i + 1} ({step.Do})", step.Expect, result, path);
        }
    }

    /// Finds the open bookmark the stimulus is for; none means the stimulus changes nothing.
    private static async Task<BurstResult> ResumeAsync(WorkflowRunner runner, PlaybookDefinition playbook, InstanceState state,
        Func<Bookmark, bool> match, Stimulus stimulus, DateTime at)
    {
        var bookmark = state.Bookmarks.FirstOrDefault(match);
        return await runner.ResumeAsync(playbook, state, bookmark?.Id ?? "no-such-bookmark", stimulus, at);
    }

    private static void Check(string step, ScenarioExpectation expect, BurstResult result, List<string> path)
    {
        var state = result.State;
        if (expect.Applied is { } applied)
        {
            Assert.True(applied == result.Applied, $"{step}: applied {result.Applied}");
        }
        if (expect.Status is { } status)
        {
            Assert.True(status == state.Status.ToString(), $"{step}: status {state.Status}, journal: {string.Join("; ", result.Journal)}");
        }
        if (expect.WaitingAt is { } waiting)
        {
            Assert.True(waiting.Order().SequenceEqual(state.Bookmarks.Select(b => b.NodeId).Order()),
                $"{step}: waiting at [{string.Join(", ", state.Bookmarks.Select(b => $"{b.NodeId}/{b.Kind}"))}]");
        }
        if (expect.TimersDue is { } due)
        {
            Assert.Equal(due.Select(d => DateTime.SpecifyKind(d, DateTimeKind.Utc)).Order(), result.Created.Where(b => b.DueAt is not null).Select(b => b.DueAt!.Value).Order());
        }
        if (expect.Path is { } expectedPath)
        {
            Assert.True(expectedPath.SequenceEqual(path), $"{step}: path [{string.Join(", ", path)}]");
        }
        foreach (var (name, value) in expect.Variables ?? [])
        {
            Assert.Equal(value, state.Variables.GetValueOrDefault(name));
        }
        if (expect.IncidentAt is { } node)
        {
            Assert.Equal(node, state.Incident?.NodeId);
        }
    }
}
