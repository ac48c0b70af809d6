using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// Publishing with a note: the note is kept with the version and listed with its author and status; a version's files
/// can be read back (for a diff); a rollback may carry its own note; a note too long is the field's error.
public abstract class RulesApiVersions<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private string Tiers() => File.ReadAllText(Path.Combine(app.RulesFolder, "tiers.json"));

    private async Task<JsonElement> VersionAsync(string id) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Ops).GetStringAsync("/api/rules/versions")).RootElement.EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == id);

    [Fact]
    public async Task KeepsTheNoteWithTheVersionAndListsItGivenPublishWithNote()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var live = await ScoredAccounts.LiveVersionAsync(app);
        var edited = Tiers().Replace("\"score.Composite >= 50\"", "\"score.Composite >= 48\"");

        var published = await (await ops.PutAsync($"/api/rules/tiers?note={Uri.EscapeDataString("Tier 2 from 48: Q4 pipeline push")}", Json(edited)))
            .ReadAsync<JsonElement>();

        var version = published.GetProperty("version").GetString()!;
        var listed = await VersionAsync(version);
        Assert.Equal(("Tier 2 from 48: Q4 pipeline push", "Active", "ops@example.test"),
            (listed.GetProperty("note").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("author").GetString()));
        var detail = await (await ops.GetAsync($"/api/rules/versions/{version}")).ReadAsync<JsonElement>();
        var tiers = detail.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "tiers.json");
        Assert.Equal(edited, tiers.GetProperty("content").GetString());
        Assert.Equal("Tier 2 from 48: Q4 pipeline push", detail.GetProperty("note").GetString());

        await (await ops.PostAsync($"/api/rules/versions/{live}/rollback?note=back%20to%2050", null)).ReadAsync<JsonElement>();

        var rolledBack = await VersionAsync(live);
        Assert.Equal(("back to 50", "Active"), (rolledBack.GetProperty("note").GetString(), rolledBack.GetProperty("status").GetString()));
        Assert.StartsWith("ops@example.test (rollback to", rolledBack.GetProperty("author").GetString());
        Assert.Equal("Superseded", (await VersionAsync(version)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task KeepsTheNoteOfARefusedPublish()
    {
        var broken = Tiers().Replace("\"score.Composite >= 50\"", "\"score.Composit >= 50\"");

        var problem = await (await app.ClientAs(UserRole.Ops).PutAsync("/api/rules/tiers?note=typo%20on%20purpose", Json(broken))).ProblemAsync(422);

        var listed = await VersionAsync(problem.GetProperty("version").GetString()!);
        Assert.Equal(("typo on purpose", "Rejected"), (listed.GetProperty("note").GetString(), listed.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task NamesTheNoteAndPublishesNothingGivenNoteTooLong()
    {
        var live = await ScoredAccounts.LiveVersionAsync(app);

        var response = await app.ClientAs(UserRole.Ops).PutAsync($"/api/rules/tiers?note={new string('x', 1001)}",
            Json(Tiers().Replace("\"score.Composite >= 50\"", "\"score.Composite >= 47\"")));

        var problem = await response.ProblemAsync(400);
        Assert.Contains("at most 1000", problem.GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal(live, await ScoredAccounts.LiveVersionAsync(app));
    }

    [Fact]
    public async Task Answers404GivenUnknownVersion()
    {
        var response = await app.ClientAs(UserRole.Ops).GetAsync("/api/rules/versions/000000000000");

        await response.ProblemAsync(404);
    }
}

public sealed class RulesApiVersionsOnSqlite(SqliteApp app) : RulesApiVersions<SqliteApp>(app);

public sealed class RulesApiVersionsOnPostgres(PostgresApp app) : RulesApiVersions<PostgresApp>(app);
