using System.Text.Json;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Validation;

namespace AccountPlaybooks.UnitTests.Workflows;

public sealed class PlaybookValidatorValidate
{
    private static readonly ActivityRegistry Registry = new();

    private static PlaybookDefinition Playbook(Action<List<NodeDefinition>, List<EdgeDefinition>> change)
    {
        var nodes = new List<NodeDefinition>
        {
            new() { Id = "start", Type = "Start" },
            new() { Id = "delay", Type = "Delay", Inputs = Inputs("""{ "duration": "P1D" }""") },
            new() { Id = "end", Type = "End" },
        };
        var edges = new List<EdgeDefinition> { new("start", "Done", "delay"), new("delay", "Done", "end") };
        change(nodes, edges);
        return new PlaybookDefinition { Id = "test", Name = "Test", Nodes = nodes, Edges = edges };
    }

    private static Dictionary<string, JsonElement> Inputs(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static List<string> Problems(PlaybookDefinition playbook, ValidationHooks? hooks = null) =>
        PlaybookValidator.Validate(playbook, Registry, hooks).Select(p => p.ToString()).ToList();

    [Fact]
    public void AcceptsAWellFormedPlaybook() => Assert.Empty(Problems(Playbook((_, _) => { })));

    [Fact]
    public void NamesTheNodeAndPortGivenDanglingEdge()
    {
        var problems = Problems(Playbook((_, edges) => edges[1] = new EdgeDefinition("delay", "Done", "nowhere")));

        Assert.Contains("node delay, port Done: the edge goes to node nowhere, which does not exist (a dangling edge)", problems);
        Assert.Contains("node end: no path from Start reaches this node", problems);
    }

    [Fact]
    public void NamesTheInputGivenBadDuration()
    {
        var problems = Problems(Playbook((nodes, _) => nodes[1] = new NodeDefinition { Id = "delay", Type = "Delay", Inputs = Inputs("""{ "duration": "2 days" }""") }));

        Assert.Equal(["node delay, input duration: '2 days' is not an ISO-8601 duration (e.g. PT24H, P3D, P1DT12H)"], problems);
    }

    [Fact]
    public void ListsTheInputsGivenUnknownInput()
    {
        var problems = Problems(Playbook((nodes, _) => nodes[1] = new NodeDefinition { Id = "delay", Type = "Delay", Inputs = Inputs("""{ "duration": "P1D", "durration": "P2D" }""") }));

        Assert.Equal(["node delay, input durration: Delay has no input \"durration\"; its inputs are duration"], problems);
    }

    [Fact]
    public void RequiresEveryPortWired()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "wait", Type = "WaitForSignal", Inputs = Inputs("""{ "types": ["email_reply"], "timeout": "P3D" }""") });
            edges[1] = new EdgeDefinition("delay", "Done", "wait");
            edges.Add(new EdgeDefinition("wait", "Received", "end"));
        }));

        Assert.Equal(["node wait, port TimedOut: the port is not wired; connect it to the next step or to an End node"], problems);
    }

    [Fact]
    public void GivesTheTimedOutPortOnlyToAWaitWithATimeout()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "wait", Type = "WaitForSignal", Inputs = Inputs("""{ "types": ["email_reply"] }""") });
            edges[1] = new EdgeDefinition("delay", "Done", "wait");
            edges.Add(new EdgeDefinition("wait", "Received", "end"));
            edges.Add(new EdgeDefinition("wait", "TimedOut", "end"));
        }));

        Assert.Equal(["node wait, port TimedOut: WaitForSignal has no port TimedOut; its ports are Received"], problems);
    }

    [Fact]
    public void RejectsUnknownTypePortAndTwoStarts()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "start2", Type = "Start" });
            nodes.Add(new NodeDefinition { Id = "mail", Type = "SendFax" });
            edges.Add(new EdgeDefinition("start2", "Done", "end"));
            edges.Add(new EdgeDefinition("delay", "Later", "end"));
        }));

        Assert.Contains("nodes: a playbook needs exactly one Start node; this one has 2", problems);
        Assert.Contains(problems, p => p.StartsWith("node mail, type: unknown activity type SendFax"));
        Assert.Contains("node delay, port Later: Delay has no port Later; its ports are Done", problems);
    }

    [Fact]
    public void RejectsALoopThatNeverWaits()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "again", Type = "Decision", Inputs = Inputs("""{ "condition": "true" }""") });
            edges[1] = new EdgeDefinition("delay", "Done", "again");
            edges.Add(new EdgeDefinition("again", "True", "again"));
            edges.Add(new EdgeDefinition("again", "False", "end"));
        }));

        Assert.Equal(["node again: the loop again → again never waits; add a Delay or a wait to it"], problems);
    }

    [Fact]
    public void AcceptsALoopThroughADelay()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "again", Type = "Decision", Inputs = Inputs("""{ "condition": "true" }""") });
            edges[1] = new EdgeDefinition("delay", "Done", "again");
            edges.Add(new EdgeDefinition("again", "True", "delay"));
            edges.Add(new EdgeDefinition("again", "False", "end"));
        }));

        Assert.Empty(problems);
    }

    [Fact]
    public void AsksTheHostAboutExpressions()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "check", Type = "Decision", Inputs = Inputs("""{ "condition": "score.Intnet > 5" }""") });
            edges[1] = new EdgeDefinition("delay", "Done", "check");
            edges.Add(new EdgeDefinition("check", "True", "end"));
            edges.Add(new EdgeDefinition("check", "False", "end"));
        }), new ValidationHooks(CheckExpression: e => e.Contains("Intnet") ? "unknown field Intnet on score" : null));

        Assert.Equal(["node check, input condition: unknown field Intnet on score"], problems);
    }

    [Fact]
    public void NamesTheNodeGivenUnknownTemplate()
    {
        var registry = new ActivityRegistry(typeof(RenderNote).Assembly);
        var playbook = Playbook((nodes, edges) =>
        {
            nodes.Add(new NodeDefinition { Id = "brief", Type = nameof(RenderNote), Inputs = Inputs("""{ "template": "tier1-reserch-brief" }""") });
            edges[1] = new EdgeDefinition("delay", "Done", "brief");
            edges.Add(new EdgeDefinition("brief", "Done", "end"));
        });

        var problems = PlaybookValidator.Validate(playbook, registry,
            new ValidationHooks(CheckTemplate: name => name == "tier1-research-brief" ? null : $"there is no template {name}")).Select(p => p.ToString());

        Assert.Equal(["node brief, input template: there is no template tier1-reserch-brief"], problems);
    }

    [Fact]
    public void ChecksTriggersAndReenrollment()
    {
        var playbook = new PlaybookDefinition
        {
            Id = "test", Name = "Test",
            Triggers = [new TriggerDefinition { Type = "tierEntered" }, new TriggerDefinition { Type = "whenever" }],
            Reenrollment = new ReenrollmentPolicy { Policy = "cooldown", Cooldown = "30 days" },
            Nodes = [new NodeDefinition { Id = "start", Type = "Start" }, new NodeDefinition { Id = "end", Type = "End" }],
            Edges = [new EdgeDefinition("start", "Done", "end")],
        };

        var problems = Problems(playbook);

        Assert.Contains("triggers[0]: a tierEntered trigger needs \"tier\"", problems);
        Assert.Contains(problems, p => p.StartsWith("triggers[1]: unknown trigger type whenever"));
        Assert.Contains(problems, p => p.StartsWith("reenrollment: a cooldown policy needs"));
    }

    [Fact]
    public void DescribesEveryActivityWithItsInputsAndPorts()
    {
        var wait = Registry.Find("WaitForSignal")!;

        Assert.Equal(["Received"], wait.Ports);
        Assert.Equal("TimedOut", wait.Inputs.Single(i => i.Name == "timeout").AddsPort);
        Assert.True(wait.Waits);
        Assert.Equal(["types", "filter", "timeout"], wait.Inputs.Select(i => i.Name));
        Assert.Equal(["Decision", "Delay", "End", "Fork", "Join", "Start", "WaitForSignal"], Registry.All.Select(d => d.Type).Order());
    }

    [Fact]
    public void RefusesAPlaybookPastTheStepLimitNamingTheLimitWithoutCheckingEachStep()
    {
        var problems = Problems(Playbook((nodes, edges) =>
        {
            for (var i = 0; i < PlaybookValidator.MaxNodes; i++)
            {
                nodes.Add(new NodeDefinition { Id = $"step-{i}", Type = "NoSuchActivity" });
            }
        }));

        Assert.Equal([$"nodes: the playbook has {PlaybookValidator.MaxNodes + 3} steps and 2 connections; at most {PlaybookValidator.MaxNodes} " +
                      $"steps and {PlaybookValidator.MaxEdges} connections are allowed: split it into playbooks that start one another through triggers"], problems);
    }

    [Fact]
    public void NamesTheFirstStepsOfALongLoopThatNeverWaitsAndCountsTheRest()
    {
        const int length = 300;
        var problems = Problems(Playbook((nodes, edges) =>
        {
            var condition = Inputs("""{ "condition": "true" }""");
            nodes.AddRange(Enumerable.Range(0, length).Select(i => new NodeDefinition { Id = $"d{i}", Type = "Decision", Inputs = condition }));
            edges[0] = new EdgeDefinition("start", "Done", "d0");
            edges.AddRange(Enumerable.Range(0, length).SelectMany(i => new[]
            {
                new EdgeDefinition($"d{i}", "True", $"d{(i + 1) % length}"), new EdgeDefinition($"d{i}", "False", $"d{(i + 1) % length}"),
            }));
        }));

        var loop = Assert.Single(problems, p => p.Contains("never waits"));
        Assert.Equal($"node d0: the loop {string.Join(" → ", Enumerable.Range(0, 12).Select(i => $"d{i}"))} → … ({length} steps) → d0 never waits; " +
                     "add a Delay or a wait to it", loop);
    }
}
