using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Playbooks;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Audit;

/// Every change to a rule set, playbook, template, user, token or rep is in the audit log with who made it and what
/// changed, never a secret; only admins read it.
public abstract class AuditApiRecords<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private HttpClient Admin => app.ClientAs(UserRole.Admin);

    private async Task<List<JsonElement>> EntriesAsync(string query)
    {
        var page = await (await Admin.GetAsync($"/api/audit?{query}")).ReadAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static Dictionary<string, (string? From, string? To)> Changes(JsonElement entry) =>
        entry.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!,
            c => (c.GetProperty("from").GetString(), c.GetProperty("to").GetString()));

    [Fact]
    public async Task RecordsARulesetPublishWithItsAuthorAndTheVersionItReplaced()
    {
        var previous = await ScoredAccounts.LiveVersionAsync(app);
        var tiers = await File.ReadAllTextAsync(Path.Combine(app.RulesFolder, "tiers.json"));
        var published = await (await app.ClientAs(UserRole.Ops).PutAsync("/api/rules/tiers?note=audit%20me",
            new StringContent(tiers.Replace("\"score.Composite >= 50\"", "\"score.Composite >= 46\""), Encoding.UTF8, "application/json")))
            .ReadAsync<JsonElement>();
        var version = published.GetProperty("version").GetString()!;

        var entries = await EntriesAsync("kind=ruleset&actor=ops@example");

        var created = Assert.Single(entries, e => e.GetProperty("entityId").GetString() == version);
        Assert.Equal(("created", "ops@example.test"), (created.GetProperty("action").GetString(), created.GetProperty("actor").GetString()));
        Assert.Equal($"rule set {version} created (status Active)", created.GetProperty("summary").GetString());
        Assert.Equal("audit me", Changes(created)["note"].To);
        Assert.Contains("tiers.json", Changes(created)["files"].To);
        var superseded = Assert.Single(entries, e => e.GetProperty("entityId").GetString() == previous);
        Assert.Equal(("Active", "Superseded"), Changes(superseded)["status"]);
        Assert.DoesNotContain(entries, e => e.GetProperty("summary").GetString()!.Contains("score.Composite"));
    }

    [Fact]
    public async Task RecordsAPlaybookPublishAsTheManagerWhoDidIt()
    {
        var manager = app.ClientAs(UserRole.Manager);
        var json = new StringContent(PlaybooksApiSamples.Valid("pb-audit"), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Created, (await manager.PutAsync("/api/playbooks/pb-audit", json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync("/api/playbooks/pb-audit/publish", null)).StatusCode);

        var entries = await EntriesAsync("kind=playbook&entityId=pb-audit%20v1");

        Assert.All(entries, e => Assert.Equal("manager@example.test", e.GetProperty("actor").GetString()));
        var draft = Assert.Single(entries, e => e.GetProperty("action").GetString() == "created");
        Assert.Equal("(set)", Changes(draft)["json"].To); // the definition is in the version itself, not copied here
        var publish = Assert.Single(entries, e => e.GetProperty("action").GetString() == "changed");
        Assert.Equal(("Draft", "Published"), Changes(publish)["status"]);
        Assert.StartsWith("playbook pb-audit v1: status Draft → Published", publish.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task RecordsAUserAndTheirRoleChangeWithoutThePassword()
    {
        const string password = "a secret long enough to be stored";
        var created = await (await Admin.PostJsonAsync("/api/users",
            new { email = "audited@example.test", name = "Audited", role = "Rep", password, repId = app.RepRepId, issueToken = false })).ReadAsync<JsonElement>();
        var id = created.GetProperty("user").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "Manager", repId = app.ManagerRepId }, Api.Json)).StatusCode);

        var entries = await EntriesAsync($"kind=user&entityId={id}");

        Assert.Equal(["changed", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("admin@example.test", e.GetProperty("actor").GetString()));
        Assert.Equal(("Rep", "Manager"), Changes(entries[0])["role"]);
        Assert.Equal((app.RepRepId, app.ManagerRepId), Changes(entries[0])["repId"]);
        Assert.Equal("user audited@example.test: role Rep → Manager; repId rep-ravi-ae → rep-mia-manager", entries[0].GetProperty("summary").GetString());
        Assert.Equal("(set)", Changes(entries[1])["passwordHash"].To);
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "audited@example.test").Select(u => u.PasswordHash).SingleAsync());
        var raw = await app.WithDbAsync(db => db.AuditEntries.Select(e => e.Changes).ToListAsync());
        Assert.DoesNotContain(raw.SelectMany(c => c), c => c.To == hash || c.To == password || c.From == hash);
    }

    [Fact]
    public async Task RecordsATokenIssuedAndRevokedWithoutItsValue()
    {
        var rep = (await (await Admin.GetAsync("/api/users")).ReadAsync<List<JsonElement>>())
            .Single(u => u.GetProperty("email").GetString() == "rep@example.test").GetProperty("id").GetGuid();
        var issued = await (await Admin.PostJsonAsync("/api/tokens", new { userId = rep, name = "audited integration" })).ReadAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        var id = issued.GetProperty("details").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/tokens/{id}/revoke", null)).StatusCode);

        var entries = await EntriesAsync($"kind=token&entityId={id}");

        Assert.Equal(["changed", "created"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal((null, "audited integration"), Changes(entries[1])["name"]);
        Assert.Equal(rep.ToString(), Changes(entries[1])["userId"].To);
        Assert.Null(Changes(entries[0])["revokedAt"].From);
        Assert.NotNull(Changes(entries[0])["revokedAt"].To);
        var everything = await Admin.GetStringAsync("/api/audit?pageSize=500");
        Assert.DoesNotContain(token, everything);
        Assert.DoesNotContain(TokenHasher.Hash(token), everything);
        Assert.DoesNotContain("tokenHash", everything);
    }

    [Fact]
    public async Task RecordsARepEditFieldByField()
    {
        var manager = app.ClientAs(UserRole.Manager);
        var rep = await (await manager.GetAsync($"/api/reps/{app.RepRepId}")).ReadAsync<JsonElement>();
        var edit = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(rep.GetRawText())!;
        edit["tier1Capacity"] = JsonSerializer.SerializeToElement(41);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutAsJsonAsync($"/api/reps/{app.RepRepId}", edit, Api.Json)).StatusCode);

        var entry = (await EntriesAsync($"kind=rep&entityId={app.RepRepId}&actor=manager"))[0];

        Assert.Equal("changed", entry.GetProperty("action").GetString());
        Assert.Equal("41", Changes(entry)["tier1Capacity"].To);
        Assert.DoesNotContain("version", Changes(entry).Keys);
    }

    [Fact]
    public async Task FiltersByKindActorAndTimeAndPages()
    {
        await Admin.PostJsonAsync("/api/users", new { email = "paged-1@example.test", name = "P1", role = "Ops", password = "long enough to pass", issueToken = false });
        await Admin.PostJsonAsync("/api/users", new { email = "paged-2@example.test", name = "P2", role = "Ops", password = "long enough to pass", issueToken = false });

        var first = await (await Admin.GetAsync("/api/audit?kind=user&pageSize=1")).ReadAsync<JsonElement>();
        var second = await (await Admin.GetAsync("/api/audit?kind=user&pageSize=1&page=2")).ReadAsync<JsonElement>();
        var later = await EntriesAsync($"since={Uri.EscapeDataString(app.Clock.GetUtcNow().AddMinutes(1).ToString("O"))}");
        var nobody = await EntriesAsync("actor=nobody-at-all");

        Assert.True(first.GetProperty("total").GetInt32() >= 2);
        Assert.Contains("paged-2", first.GetProperty("items")[0].GetProperty("summary").GetString()); // newest first
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetInt64(), second.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Empty(later);
        Assert.Empty(nobody);
        var problem = await (await Admin.GetAsync("/api/audit?kind=widget")).ProblemAsync(400);
        Assert.Contains("kind must be one of ruleset, playbook, template, user, token, rep", problem.GetRawText());
    }

    [Theory]
    [InlineData(UserRole.Rep)]
    [InlineData(UserRole.Manager)]
    [InlineData(UserRole.Ops)]
    public async Task Answers403ToEveryRoleButAdmin(UserRole role)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(role).GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Answers401WithoutASignIn()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/audit")).StatusCode);
    }
}

public sealed class AuditApiRecordsOnSqlite(SqliteApp app) : AuditApiRecords<SqliteApp>(app);

public sealed class AuditApiRecordsOnPostgres(PostgresApp app) : AuditApiRecords<PostgresApp>(app);
