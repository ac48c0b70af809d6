using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// The app for simulator tests: no playbook published, an SLA webhook configured (never called: scheduling is off and
/// the simulator sends nothing), and a Berlin AE whose manager is Mia, so business time is visibly Berlin's.
public abstract class SimulationApp(DatabaseProvider provider) : AppFixture(provider)
{
    public const string BerlinAeId = "rep-berta-ae";
    public const string AccountId = "sim-1";

    /// AssignOwner (the Berlin team) → a research task due in a working day with a one-day SLA; a breach escalates
    /// to the manager on a side path; Done notifies the sales channel and ends.
    public const string Draft = """
        {
          "id": "sim-sla", "name": "SLA try-out",
          "triggers": [ { "type": "tierEntered", "tier": "Tier1" } ],
          "exit": { "onSignals": ["unsubscribe"] },
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "assign", "type": "AssignOwner", "inputs": { "strategy": "roundRobin", "role": "ae", "team": "Berlin" } },
            { "id": "research", "type": "CreateTask", "inputs": { "channel": "research", "template": "tier1-research-brief", "assignee": "ae",
                "due": "P1D", "sla": "P1D" } },
            { "id": "escalate", "type": "Escalate", "inputs": { "to": "manager" } },
            { "id": "escalated", "type": "End", "inputs": { "scope": "path" } },
            { "id": "notify", "type": "Notify", "inputs": { "webhook": "sales-slack", "message": "{account} is researched" } },
            { "id": "done", "type": "End" },
            { "id": "skipped", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "assign" },
            { "from": "assign", "port": "Done", "to": "research" },
            { "from": "research", "port": "Done", "to": "notify" },
            { "from": "research", "port": "Skipped", "to": "skipped" },
            { "from": "research", "port": "SlaBreached", "to": "escalate" },
            { "from": "escalate", "port": "Done", "to": "escalated" },
            { "from": "notify", "port": "Done", "to": "done" }
          ]
        }
        """;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Notifications:Webhooks:sales-slack:Url"] = "http://127.0.0.1:9/never-called",
        ["Notifications:Webhooks:sales-slack:Format"] = "slack",
        ["Notifications:SlaWebhook"] = "sales-slack",
    };

    private bool _seeded;

    /// The Berlin AE, one real account (Tier 3 under the default rules, no owner) and the draft, once.
    public async Task SeedAsync()
    {
        if (_seeded)
        {
            return;
        }
        await WithDbAsync(async db =>
        {
            db.Reps.Add(new Rep
            {
                Id = BerlinAeId, Email = "berta@example.test", Name = "Berta AE", Role = RepRole.AE, Team = "Berlin", ManagerId = ManagerRepId,
                TimeZone = "Europe/Berlin",
            });
            await db.SaveChangesAsync();
        });
        await (await ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{AccountId},Simulated One,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
        var saved = await ClientAs(UserRole.Manager).PutAsync("/api/playbooks/sim-sla",
            new StringContent(Draft, System.Text.Encoding.UTF8, "application/json"));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        _seeded = true;
    }
}

public sealed class SimulationOnSqlite() : SimulationApp(DatabaseProvider.Sqlite);

public sealed class SimulationOnPostgres() : SimulationApp(DatabaseProvider.Postgres);
