using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// The app with one playbook in its workflows folder: on entering Tier 2, wait a day, then wait up to three days
/// for a reply, then decide by engagement.
public abstract class DelayWaitDecisionApp(DatabaseProvider provider) : AppFixture(provider)
{
    public const string Playbook = """
        {
          "id": "tier2-follow-up", "name": "Tier 2 follow-up",
          "triggers": [ { "type": "tierEntered", "tier": "Tier2" } ],
          "exit": { "onSignals": ["unsubscribe"] },
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "delay", "type": "Delay", "inputs": { "duration": "P1D" } },
            { "id": "wait", "type": "WaitForSignal", "inputs": { "types": ["email_reply"], "timeout": "P3D" } },
            { "id": "decide", "type": "Decision", "inputs": { "condition": "score.Engagement >= 30" } },
            { "id": "engaged", "type": "End" },
            { "id": "quiet", "type": "End" },
            { "id": "silent", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "delay" },
            { "from": "delay", "port": "Done", "to": "wait" },
            { "from": "wait", "port": "Received", "to": "decide" },
            { "from": "wait", "port": "TimedOut", "to": "silent" },
            { "from": "decide", "port": "True", "to": "engaged" },
            { "from": "decide", "port": "False", "to": "quiet" }
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
        File.WriteAllText(Path.Combine(folder, "tier2-follow-up.json"), Playbook);
        return folder;
    }
}

public sealed class DelayWaitDecisionOnSqlite() : DelayWaitDecisionApp(DatabaseProvider.Sqlite);

public sealed class DelayWaitDecisionOnPostgres() : DelayWaitDecisionApp(DatabaseProvider.Postgres);
