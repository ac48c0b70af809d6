using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Accounts;

/// The rules' segments and motions, end to end: stored with their history, filtered and counted by the accounts API,
/// and starting (and ending) the playbooks whose triggers name them.
public abstract class SegmentsAndMotionsApi<TApp>(TApp app) : IClassFixture<TApp> where TApp : SegmentPlaybooksApp
{
    [Fact]
    public async Task SegmentsAndMotionsAreStoredFilteredCountedAndStartTheirPlaybooks()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts?wait=30", "id,name,industry,employees,lifecycle,custom.products_owned,custom.products_available\n" +
            "sg-big,Big Co,Software,2400,Prospect,,\nsg-small,Small Co,Retail,50,Prospect,,\nsg-cust,Customer Co,Fintech,300,Customer,1,5\n"))
            .ReadAsync<Api.ImportResult>();
        await Eventually.GetAsync(() => app.WithDbAsync(db => db.AccountScores.CountAsync(s => s.AccountId.StartsWith("sg-"))), n => n == 3, "the three are evaluated");

        var manager = app.ClientAs(UserRole.Manager);
        var enterprise = await (await manager.GetAsync("/api/accounts?inSegment=Enterprise")).ReadAsync<Page<AccountRow>>();
        Assert.Equal(["sg-big"], enterprise.Items.Select(a => a.Id));
        Assert.Equal(["Enterprise"], enterprise.Items[0].InSegments);
        var either = await (await manager.GetAsync("/api/accounts?inSegment=SMB,Regulated&sort=name")).ReadAsync<Page<AccountRow>>();
        Assert.Equal(["sg-cust", "sg-small"], either.Items.Select(a => a.Id));
        var expanding = await (await manager.GetAsync("/api/accounts?motion=Expand")).ReadAsync<Page<AccountRow>>();
        Assert.Equal(("sg-cust", "Expand"), (Assert.Single(expanding.Items).Id, expanding.Items[0].Motion));

        var facets = await (await manager.GetAsync("/api/accounts/facets")).ReadAsync<AccountFacets>();
        Assert.Equal(1, facets.InSegments.Single(f => f.Value == "Enterprise").Count);
        Assert.Equal(1, facets.InSegments.Single(f => f.Value == "Regulated").Count);
        Assert.Equal(0, facets.InSegments.Single(f => f.Value == "Strategic Customer").Count); // the live rules' segments, even empty
        Assert.Equal(1, facets.Motions.Single(f => f.Value == "Expand").Count);

        // A segment entered starts its playbook; a motion entered starts its own, which ends when the motion changes.
        Assert.Equal("segment entered Enterprise", await StartedByAsync("sg-big", "enterprise-welcome"));
        Assert.Equal("motion entered Expand", await StartedByAsync("sg-cust", "expand-review"));
        await (await ops.PostCsvAsync("/api/accounts?wait=30", "id,custom.products_owned\nsg-cust,4\n")).ReadAsync<Api.ImportResult>();
        var ended = await Eventually.GetAsync(() => app.WithDbAsync(db => db.PlaybookInstances.AsNoTracking()
            .SingleAsync(i => i.AccountId == "sg-cust" && i.DefinitionId == "expand-review")), i => i.EndedAt is not null, "the Expand playbook ends");
        Assert.Contains("exit: motion changed Expand → Maintain", ended.EndReason);

        var detail = await (await manager.GetAsync("/api/accounts/sg-cust")).ReadAsync<AccountDetail>();
        Assert.Equal(("Maintain", "MotionMaintain"), (detail.Memberships.Motion!.Name, detail.Memberships.Motion.Rule));
        Assert.Equal([("motion", "Expand", "Maintain"), ("motion", null, "Expand")],
            detail.Memberships.History.Where(h => h.Kind == "motion").Select(h => (h.Kind, h.From, h.To)));
        Assert.Equal(["Mid-Market", "Regulated"], detail.Memberships.Segments.Select(s => s.Name));
        Assert.All(detail.Memberships.Segments, s => Assert.NotNull(s.Reason));
    }

    [Theory]
    [InlineData("inSegment=Enter%25prise", "inSegment")]
    public async Task RefusesABadSegmentFilterNamingIt(string query, string field)
    {
        var problem = await (await app.ClientAs(UserRole.Manager).GetAsync($"/api/accounts?{query}")).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private Task<string?> StartedByAsync(string account, string playbook) => Eventually.GetAsync(() => app.WithDbAsync(db => db.PlaybookInstances
        .Where(i => i.AccountId == account && i.DefinitionId == playbook).Select(i => i.StartedBy).SingleOrDefaultAsync()), s => s is not null,
        $"{playbook} starts for {account}");
}

/// A playbook started by the Enterprise segment and one by the Expand motion that ends when the motion changes.
public abstract class SegmentPlaybooksApp(DatabaseProvider provider) : AppFixture(provider)
{
    private static string Playbook(string id, string trigger, string exit) => $$"""
        {
          "id": "{{id}}", "name": "{{id}}",
          "triggers": [ {{trigger}} ],
          "exit": {{exit}},
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "task", "type": "CreateTask", "inputs": { "channel": "review", "template": "customer-whitespace-review", "assignee": "queue", "queue": "cs", "due": "P2D" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "task" },
            { "from": "task", "port": "Done", "to": "end" },
            { "from": "task", "port": "Skipped", "to": "end" }
          ]
        }
        """;

    public string Workflows { get; } = WriteFolder();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Playbooks:Folder"] = Workflows };

    private static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        File.WriteAllText(Path.Combine(folder, "enterprise-welcome.json"),
            Playbook("enterprise-welcome", """{ "type": "segmentEntered", "segment": "Enterprise" }""", """{ "onDisqualification": false }"""));
        File.WriteAllText(Path.Combine(folder, "expand-review.json"),
            Playbook("expand-review", """{ "type": "motionEntered", "motion": "Expand" }""", """{ "onMotionChange": true, "onDisqualification": false }"""));
        return folder;
    }
}

public sealed class SegmentPlaybooksOnSqlite() : SegmentPlaybooksApp(DatabaseProvider.Sqlite);

public sealed class SegmentPlaybooksOnPostgres() : SegmentPlaybooksApp(DatabaseProvider.Postgres);

public sealed class SegmentsAndMotionsApiOnSqlite(SegmentPlaybooksOnSqlite app) : SegmentsAndMotionsApi<SegmentPlaybooksOnSqlite>(app);

public sealed class SegmentsAndMotionsApiOnPostgres(SegmentPlaybooksOnPostgres app) : SegmentsAndMotionsApi<SegmentPlaybooksOnPostgres>(app);
