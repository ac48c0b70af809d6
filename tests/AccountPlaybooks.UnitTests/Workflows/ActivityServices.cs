using System.Text.Json;
using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Assignment;
using AccountPlaybooks.Application.Notifications;
using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Activities;
using AccountPlaybooks.Workflows.Definitions;
using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.UnitTests.Workflows;

/// Activities declare the host services they need (their constructor's parameters); a host that lacks one is told
/// at start-up, naming the activity and the service, instead of a playbook failing mid-run.
public sealed class ActivityServices
{
    private static readonly ActivityRegistry Application = new(typeof(ApplicationServiceExtensions).Assembly);

    [Fact]
    public void EachActivityDeclaresTheServicesItNeeds()
    {
        Assert.Equal([typeof(IConditionEvaluator)], Application.Find("Decision")!.Needs);
        Assert.Equal([typeof(TaskDesk)], Application.Find("CreateTask")!.Needs);
        Assert.Equal([typeof(TaskDesk)], Application.Find("Escalate")!.Needs);
        Assert.Equal([typeof(AppDbContext), typeof(OwnerAssignment)], Application.Find("AssignOwner")!.Needs);
        Assert.Equal([typeof(AppDbContext), typeof(NotificationOutbox)], Application.Find("Notify")!.Needs);
        Assert.Empty(Application.Find("Delay")!.Needs);
    }

    [Fact]
    public void AHostThatOffersEveryServicePasses()
    {
        Assert.Same(Application, Application.RequireServices(_ => true));
    }

    [Fact]
    public void AMissingServiceIsReportedWithEveryActivityThatNeedsIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Application.RequireServices(type => type != typeof(TaskDesk)));
        Assert.Equal("activity CreateTask needs TaskDesk, which the host does not offer; " +
                     "activity Escalate needs TaskDesk, which the host does not offer", error.Message);
    }

    /// A host that skipped the check: the step fails with the same sentence (an incident), not a null reference.
    [Fact]
    public async Task ARunnerWithoutTheServiceFailsTheStepNamingIt()
    {
        var playbook = JsonSerializer.Deserialize<PlaybookDefinition>("""
            {
              "id": "p", "name": "P",
              "nodes": [
                { "id": "start", "type": "Start" },
                { "id": "choose", "type": "Decision", "inputs": { "condition": "true" } },
                { "id": "end", "type": "End" }
              ],
              "edges": [
                { "from": "start", "port": "Done", "to": "choose" },
                { "from": "choose", "port": "True", "to": "end" },
                { "from": "choose", "port": "False", "to": "end" }
              ]
            }
            """, PlaybookJson.Options)!;
        var burst = await new WorkflowRunner(new ActivityRegistry(), new NoServices()).StartAsync(playbook, "i", "account", new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc));
        Assert.Contains(burst.Journal, line => line.Detail?.Contains("activity Decision needs IConditionEvaluator, which the host does not offer") == true);
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
