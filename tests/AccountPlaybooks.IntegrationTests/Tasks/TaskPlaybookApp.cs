using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// The app with one sales playbook: on entering Tier 2, assign an AE by round-robin, then a call task (due in four
/// working hours, one working day SLA, outcome Replied) whose breach escalates to the manager, then an email task.
public abstract class TaskPlaybookApp(DatabaseProvider provider) : AppFixture(provider)
{
    public const string Playbook = """
        {
          "id": "tier2-call", "name": "Tier 2 call",
          "triggers": [ { "type": "tierEntered", "tier": "Tier2" } ],
          "exit": { "onSignals": ["unsubscribe"] },
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "assign", "type": "AssignOwner", "inputs": { "strategy": "roundRobin", "role": "ae" } },
            { "id": "call", "type": "CreateTask", "inputs": { "channel": "call", "template": "tier2-sequence-email", "assignee": "owner",
                "due": "PT4H", "sla": "P1D", "outcomes": ["Replied"] } },
            { "id": "escalate", "type": "Escalate", "inputs": { "to": "manager" } },
            { "id": "escalated", "type": "End", "inputs": { "scope": "path" } },
            { "id": "email", "type": "CreateTask", "inputs": { "channel": "email", "template": "tier2-sequence-email", "due": "P2D" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "assign" },
            { "from": "assign", "port": "Done", "to": "call" },
            { "from": "call", "port": "Done", "to": "email" },
            { "from": "call", "port": "Replied", "to": "end" },
            { "from": "call", "port": "Skipped", "to": "end" },
            { "from": "call", "port": "SlaBreached", "to": "escalate" },
            { "from": "escalate", "port": "Done", "to": "escalated" },
            { "from": "email", "port": "Done", "to": "end" },
            { "from": "email", "port": "Skipped", "to": "end" }
          ]
        }
        """;

    public string Workflows { get; } = WriteFolder();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Playbooks:Folder"] = Workflows,
    };

    private static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        File.WriteAllText(Path.Combine(folder, "tier2-call.json"), Playbook);
        return folder;
    }
}

public sealed class TaskPlaybookOnSqlite() : TaskPlaybookApp(DatabaseProvider.Sqlite);

public sealed class TaskPlaybookOnPostgres() : TaskPlaybookApp(DatabaseProvider.Postgres);
