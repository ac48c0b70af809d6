using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Templates;

/// What the Studio's Templates page reads besides the text: the model's fields, the playbook nodes that use a
/// template, who saved the live version when, and which roles may see any of it.
public abstract class TemplatesApiStudio<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// Start → a call task with an SLA; a breach escalates with the Escalate activity's default template (escalation).
    private static string Playbook(string id, string taskTemplate) => $$"""
        {
          "id": "{{id}}", "name": "Calls {{id}}",
          "triggers": [ { "type": "tierEntered", "tier": "Tier9" } ],
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "call", "type": "CreateTask", "inputs": { "channel": "call", "template": "{{taskTemplate}}", "due": "P1D", "sla": "P1D" } },
            { "id": "escalate", "type": "Escalate" },
            { "id": "done", "type": "End" },
            { "id": "skipped", "type": "End" },
            { "id": "escalated", "type": "End", "inputs": { "scope": "path" } }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "call" },
            { "from": "call", "port": "Done", "to": "done" },
            { "from": "call", "port": "Skipped", "to": "skipped" },
            { "from": "call", "port": "SlaBreached", "to": "escalate" },
            { "from": "escalate", "port": "Done", "to": "escalated" }
          ]
        }
        """;

    private async Task<JsonElement> ListedAsync(string name) =>
        (await (await app.ClientAs(UserRole.Manager).GetAsync("/api/templates")).ReadAsync<JsonElement>()).EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == name);

    private async Task<List<string>> UsagesAsync(string template) =>
        [.. (await (await app.ClientAs(UserRole.Manager).GetAsync($"/api/templates/{template}/usages")).ReadAsync<JsonElement>()).EnumerateArray()
            .Where(u => u.GetProperty("playbookId").GetString()!.StartsWith("usage-", StringComparison.Ordinal))
            .Select(u => $"{u.GetProperty("playbookId").GetString()} v{u.GetProperty("version").GetInt32()} {u.GetProperty("status").GetString()} " +
                         $"{u.GetProperty("nodeId").GetString()} ({u.GetProperty("nodeType").GetString()}.{u.GetProperty("input").GetString()})")];

    [Fact]
    public async Task ServesEveryModelFieldWithTypeDescriptionAndExample()
    {
        var variables = await (await app.ClientAs(UserRole.Manager).GetAsync("/api/templates/fields")).ReadAsync<JsonElement>();

        var names = variables.EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["account", "signal", "owner", "step", "playbook", "now"], names);
        var signal = variables.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "signal");
        Assert.True(signal.GetProperty("mayBeMissing").GetBoolean());
        var type = signal.GetProperty("fields")[0];
        Assert.Equal(("signal.type", "signal?.type", "text", "funding_round"), (type.GetProperty("path").GetString(), type.GetProperty("insert").GetString(),
            type.GetProperty("type").GetString(), type.GetProperty("example").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(type.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task ListsTheNodesOfPublishedAndNewerDraftVersionsThatUseATemplate()
    {
        var manager = app.ClientAs(UserRole.Manager);
        (await manager.PutAsync("/api/playbooks/usage-calls", Json(Playbook("usage-calls", "tier2-call")))).EnsureSuccessStatusCode();
        (await manager.PostAsync("/api/playbooks/usage-calls/publish", null)).EnsureSuccessStatusCode();
        (await manager.PutAsync("/api/playbooks/usage-calls", Json(Playbook("usage-calls", "tier1-call")))).EnsureSuccessStatusCode();

        Assert.Equal(["usage-calls v1 Published call (CreateTask.template)"], await UsagesAsync("tier2-call"));
        Assert.Equal(["usage-calls v2 Draft call (CreateTask.template)"], await UsagesAsync("tier1-call"));
        // Escalate names no template: its default, escalation, is the one it renders.
        Assert.Equal(["usage-calls v2 Draft escalate (Escalate.template)", "usage-calls v1 Published escalate (Escalate.template)"],
            await UsagesAsync("escalation"));
        Assert.True((await ListedAsync("tier2-call")).GetProperty("uses").GetInt32() >= 1);
        Assert.Empty(await UsagesAsync("tier3-nurture-email"));
    }

    [Fact]
    public async Task SaysWhoSavedTheLiveVersionAndWhen()
    {
        var untouched = await ListedAsync("tier2-linkedin-touch");
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("savedBy").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, untouched.GetProperty("savedAt").ValueKind); // the file's time in the folder

        (await app.ClientAs(UserRole.Ops).PutAsync("/api/templates/saved-by-ops", Text("Saved {{ account.name }}\nBody"))).EnsureSuccessStatusCode();
        var refused = await app.ClientAs(UserRole.Ops).PutAsync("/api/templates/saved-by-ops", Text("Saved {{ account.nmae }}\nBody"));
        await refused.ProblemAsync(422);

        var saved = await ListedAsync("saved-by-ops");
        Assert.Equal("ops@example.test", saved.GetProperty("savedBy").GetString());
        Assert.Equal(AppFixture.Start.UtcDateTime, saved.GetProperty("savedAt").GetDateTime().ToUniversalTime());
        Assert.Equal("Saved Northwind Analytics", saved.GetProperty("sampleTitle").GetString());
    }

    [Fact]
    public async Task RefusesTheReservedNameFields()
    {
        var response = await app.ClientAs(UserRole.Ops).PutAsync("/api/templates/fields", Text("Fields {{ account.name }}"));

        Assert.Equal("Reserved template name", (await response.ProblemAsync(400)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/templates")]
    [InlineData("GET", "/api/templates/fields")]
    [InlineData("GET", "/api/templates/escalation")]
    [InlineData("GET", "/api/templates/escalation/usages")]
    [InlineData("POST", "/api/templates/escalation/preview")]
    [InlineData("PUT", "/api/templates/escalation")]
    public async Task ShowsRepsNoneOfIt(string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method == "GET" ? null : method == "PUT" ? Text("Escalation {{ account.name }}") : Json("""{ "accountId": "fit-1" }"""),
        };

        var response = await app.ClientAs(UserRole.Rep).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/templates")]
    [InlineData("/api/templates/fields")]
    [InlineData("/api/templates/escalation")]
    [InlineData("/api/templates/escalation/usages")]
    public async Task LetsManagersRead(string url)
    {
        var response = await app.ClientAs(UserRole.Manager).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

public sealed class TemplatesApiStudioOnSqlite(SqliteApp app) : TemplatesApiStudio<SqliteApp>(app);

public sealed class TemplatesApiStudioOnPostgres(PostgresApp app) : TemplatesApiStudio<PostgresApp>(app);
