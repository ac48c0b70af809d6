using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Fixtures.Api;

namespace AccountPlaybooks.IntegrationTests.Accounts;

/// The accounts table's query: filters, sorts (missing values last either way), stable pages, facets, and a 400 that
/// names the parameter for a value it does not know. Every test narrows to its own accounts with the text filter.
public abstract class AccountsApiList<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private const string GoodFit = "Fintech,300,30000000,EMEA,Bootstrapped,HubSpot";

    /// Alpha: good fit + three pricing visits (the PricingPageThreeTimes trigger: Tier 1), Ravi's, newest signal a day ago.
    /// Bravo: good fit + two pricing visits and a reply (Tier 2), Mia's, a customer, newest signal two hours ago.
    /// Charlie: good fit, no signal (Tier 3), no owner. Delta: nothing known (Fit 0: Disqualified), Ravi as SDR.
    private async Task SeedAsync()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts",
            "id,name,industry,employees,annualRevenue,region,fundingStage,techStack,aeOwnerId,sdrOwnerId,segment,lifecycle\n" +
            $"tbl-a,Tblx Alpha,{GoodFit},{app.RepRepId},,Mid-Market SaaS,Prospect\n" +
            $"tbl-b,Tblx Bravo,{GoodFit},{app.ManagerRepId},,Enterprise Fintech,Customer\n" +
            $"tbl-c,Tblx Charlie,{GoodFit},,,Mid-Market SaaS,Prospect\n" +
            $"tbl-d,Tblx Delta,,,,,,,,{app.RepRepId},,Prospect\n")).ReadAsync<ImportResult>();
        var now = app.Clock.GetUtcNow();
        object Visit(string id, string account, TimeSpan ago, string type = "page_visit") =>
            new { id, accountId = account, type, occurredAt = now - ago, properties = new { page = "/pricing" } };
        await (await ops.PostJsonAsync("/api/signals?wait=30", new[]
        {
            Visit("tbl-a-1", "tbl-a", TimeSpan.FromDays(1)), Visit("tbl-a-2", "tbl-a", TimeSpan.FromDays(3)), Visit("tbl-a-3", "tbl-a", TimeSpan.FromDays(5)),
            Visit("tbl-b-1", "tbl-b", TimeSpan.FromHours(2)), Visit("tbl-b-2", "tbl-b", TimeSpan.FromDays(2)),
            Visit("tbl-b-3", "tbl-b", TimeSpan.FromDays(3), "email_reply"),
        })).ReadAsync<ImportResult>();
    }

    private async Task<RowsPage> ListAsync(string query, UserRole role = UserRole.Rep) =>
        await (await app.ClientAs(role).GetAsync($"/api/accounts?{query}")).ReadAsync<RowsPage>();

    private async Task<List<string>> IdsAsync(string query, UserRole role = UserRole.Rep) =>
        (await ListAsync($"q=tblx&{query}", role)).Items.Select(r => r.Id).ToList();

    [Fact]
    public async Task ShowsTierScoreLastSignalAndOwnerNamesOnEachRow()
    {
        await SeedAsync();

        var rows = (await ListAsync("q=tblx")).Items.ToDictionary(r => r.Id);

        Assert.Equal(["tbl-a", "tbl-b", "tbl-c", "tbl-d"], rows.Keys);
        Assert.Equal(("Tier1", "Tier2", "Tier3", "Disqualified"), (rows["tbl-a"].Tier, rows["tbl-b"].Tier, rows["tbl-c"].Tier, rows["tbl-d"].Tier));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(-2), rows["tbl-b"].LastSignalAt);
        Assert.Equal("page_visit", rows["tbl-b"].LastSignalType);
        Assert.Null(rows["tbl-c"].LastSignalAt);
        Assert.Equal(("Ravi AE", "Mia Manager"), (rows["tbl-a"].AeOwner!.Name, rows["tbl-b"].AeOwner!.Name));
        Assert.Equal((null, "Ravi AE"), (rows["tbl-d"].AeOwner, rows["tbl-d"].SdrOwner!.Name));
        var stored = await app.WithDbAsync(db => db.AccountScores.Where(s => s.AccountId.StartsWith("tbl-")).ToDictionaryAsync(s => s.AccountId, s => s.Composite));
        Assert.All(rows.Values, r => Assert.Equal(stored[r.Id], r.Composite));
    }

    [Fact]
    public async Task KeepsTheNewestSignalTimeWhenAnOlderSignalArrivesLate()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name\nlate-1,Latey One\n")).ReadAsync<ImportResult>();
        var now = app.Clock.GetUtcNow();
        await (await ops.PostJsonAsync("/api/signals?wait=30", new { id = "late-1-new", accountId = "late-1", type = "email_open", occurredAt = now.AddHours(-1) }))
            .ReadAsync<ImportResult>();

        await (await ops.PostJsonAsync("/api/signals?wait=30", new { id = "late-1-old", accountId = "late-1", type = "email_reply", occurredAt = now.AddDays(-9) }))
            .ReadAsync<ImportResult>();

        var row = (await ListAsync("q=latey")).Items.Single();
        Assert.Equal((now.UtcDateTime.AddHours(-1), "email_open"), (row.LastSignalAt!.Value, row.LastSignalType));
    }

    [Theory]
    [InlineData("tier=Tier1", new[] { "tbl-a" })]
    [InlineData("tier=Tier2&tier=Tier3", new[] { "tbl-b", "tbl-c" })]
    [InlineData("tier=Tier2,Disqualified", new[] { "tbl-b", "tbl-d" })]
    [InlineData("owner=rep-ravi-ae", new[] { "tbl-a", "tbl-d" })]
    [InlineData("owner=none", new[] { "tbl-c" })]
    [InlineData("segment=Mid-Market%20SaaS", new[] { "tbl-a", "tbl-c" })]
    [InlineData("lifecycle=customer", new[] { "tbl-b" })]
    [InlineData("tier=Tier3&segment=Mid-Market%20SaaS&owner=none&lifecycle=Prospect", new[] { "tbl-c" })]
    public async Task FiltersCombineAndEachMatchesAnyOfItsValues(string query, string[] expected)
    {
        await SeedAsync();

        Assert.Equal(expected, await IdsAsync(query));
    }

    [Fact]
    public async Task MeIsTheCallersOwnRepAndTextMatchesNameDomainOrId()
    {
        await SeedAsync();

        Assert.Equal(["tbl-a", "tbl-d"], await IdsAsync("owner=me"));
        Assert.Equal(["tbl-b"], await IdsAsync("owner=me", UserRole.Manager));
        Assert.Equal(["tbl-c"], (await ListAsync("q=CHARLIE")).Items.Select(r => r.Id));
        Assert.Equal(["tbl-d"], (await ListAsync("q=tbl-d")).Items.Select(r => r.Id));
    }

    [Theory]
    [InlineData("sort=name", new[] { "tbl-a", "tbl-b", "tbl-c", "tbl-d" })]
    [InlineData("sort=name&dir=desc", new[] { "tbl-d", "tbl-c", "tbl-b", "tbl-a" })]
    [InlineData("sort=tier", new[] { "tbl-a", "tbl-b", "tbl-c", "tbl-d" })]
    [InlineData("sort=tier&dir=desc", new[] { "tbl-d", "tbl-c", "tbl-b", "tbl-a" })]
    [InlineData("sort=lastSignal", new[] { "tbl-b", "tbl-a", "tbl-c", "tbl-d" })] // newest first by default; none last
    [InlineData("sort=lastSignal&dir=asc", new[] { "tbl-a", "tbl-b", "tbl-c", "tbl-d" })]
    [InlineData("sort=owner", new[] { "tbl-b", "tbl-a", "tbl-d", "tbl-c" })] // Mia, Ravi, Ravi (SDR), nobody
    [InlineData("sort=owner&dir=desc", new[] { "tbl-a", "tbl-d", "tbl-b", "tbl-c" })]
    public async Task SortsByEachColumnWithMissingValuesLast(string query, string[] expected)
    {
        await SeedAsync();

        Assert.Equal(expected, await IdsAsync(query));
    }

    [Fact]
    public async Task SortsByScoreHighestFirstAsStoredWithTiesById()
    {
        await SeedAsync();

        var rows = (await ListAsync("q=tblx&sort=score")).Items;
        var ascending = (await ListAsync("q=tblx&sort=score&dir=asc")).Items;

        Assert.Equal(rows.OrderByDescending(r => r.Composite).ThenByDescending(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), rows.Select(r => r.Id));
        Assert.Equal(rows.OrderBy(r => r.Composite).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => r.Id), ascending.Select(r => r.Id));
    }

    [Fact]
    public async Task PagesThroughTiesOnceEachInAStableOrder()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var ids = Enumerable.Range(1, 23).Select(i => $"tie-{i:D2}").ToList();
        await (await ops.PostCsvAsync("/api/accounts", "id,name\n" + string.Concat(ids.Select(id => $"{id},Tiey Same\n")))).ReadAsync<ImportResult>();

        foreach (var sort in new[] { "name", "tier", "score", "lastSignal", "owner" })
        {
            foreach (var dir in new[] { "asc", "desc" })
            {
                var seen = new List<string>();
                for (var page = 1; page <= 4; page++)
                {
                    var result = await ListAsync($"q=tiey&sort={sort}&dir={dir}&pageSize=6&page={page}");
                    Assert.Equal((23, page, 6), (result.Total, result.PageNumber, result.PageSize));
                    seen.AddRange(result.Items.Select(r => r.Id));
                }
                // Equal values fall back to the id: ascending, or with the score in its direction.
                Assert.Equal(sort is "score" or "tier" && dir == (sort == "score" ? "desc" : "asc") ? Enumerable.Reverse(ids) : ids, seen);
            }
        }
    }

    [Theory]
    [InlineData("sort=colour", "sort", "name, tier, score, lastSignal, owner")]
    [InlineData("sort=name&dir=up", "dir", "asc, desc")]
    [InlineData("tier=Tier9", "tier", "Tier1, Tier2, Tier3, Disqualified")]
    [InlineData("lifecycle=lead", "lifecycle", "Prospect, Customer")]
    [InlineData("owner=rep-nobody", "owner", "no rep has id 'rep-nobody'")]
    public async Task Answers400NamingTheParameterGivenAnUnknownValue(string query, string field, string message)
    {
        var response = await app.ClientAs(UserRole.Rep).GetAsync($"/api/accounts?{query}");

        var problem = await response.ProblemAsync(400);
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Answers400ForOwnerMeGivenASignInWithoutARep()
    {
        var problem = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/accounts?owner=me")).ProblemAsync(400);

        Assert.Contains("linked to a rep", problem.GetProperty("errors").GetProperty("owner")[0].GetString());
    }

    [Fact]
    public async Task FacetsCountWhatIsStored()
    {
        await SeedAsync();

        var facets = JsonDocument.Parse(await app.ClientAs(UserRole.Rep).GetStringAsync("/api/accounts/facets")).RootElement;

        var tiers = facets.GetProperty("tiers").EnumerateArray().Select(t => (t.GetProperty("tier").GetString()!, t.GetProperty("count").GetInt32())).ToList();
        var stored = await app.WithDbAsync(db => db.AccountScores.GroupBy(s => s.Tier).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(["Tier1", "Tier2", "Tier3", "Disqualified"], tiers.Select(t => t.Item1));
        Assert.All(tiers, t => Assert.Equal(stored.GetValueOrDefault(t.Item1), t.Item2));
        var accounts = await app.WithDbAsync(db => db.Accounts.ToListAsync());
        Assert.Equal(accounts.Count, facets.GetProperty("total").GetInt32());
        Assert.Equal(accounts.Count(a => a.AeOwnerId == null && a.SdrOwnerId == null), facets.GetProperty("unowned").GetInt32());
        var ravi = facets.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("id").GetString() == app.RepRepId);
        Assert.Equal(("Ravi AE", accounts.Count(a => a.AeOwnerId == app.RepRepId || a.SdrOwnerId == app.RepRepId)),
            (ravi.GetProperty("name").GetString(), ravi.GetProperty("count").GetInt32()));
        var saas = facets.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("value").GetString() == "Mid-Market SaaS");
        Assert.Equal(accounts.Count(a => a.Segment == "Mid-Market SaaS"), saas.GetProperty("count").GetInt32());
    }

    public sealed record RowsPage(List<Row> Items, int PageNumber, int PageSize, int Total);

    public sealed record Row(string Id, string Name, string? Tier, double? Composite, DateTime? LastSignalAt, string? LastSignalType, Owner? AeOwner,
        Owner? SdrOwner);

    public sealed record Owner(string Id, string? Name);
}

public sealed class AccountsApiListOnSqlite(SqliteApp app) : AccountsApiList<SqliteApp>(app);

public sealed class AccountsApiListOnPostgres(PostgresApp app) : AccountsApiList<PostgresApp>(app);
