using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// A manager saves drafts and publishes them through the API: a valid draft goes live and into the playbooks folder;
/// an invalid one is stored as a draft but refused at publish with node-level problems, and the live version stays.
public abstract class PlaybooksApiPublish<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private async Task<JsonElement> GetAsync(string url) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync(url)).RootElement;

    private async Task PublishValidAsync(string id)
    {
        var manager = app.ClientAs(UserRole.Manager);
        Assert.Equal(HttpStatusCode.Created, (await manager.PutAsync($"/api/playbooks/{id}", Json(PlaybooksApiSamples.Valid(id)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/playbooks/{id}/publish", null)).StatusCode);
    }

    [Fact]
    public async Task PublishesTheDraftAndWritesItsFileGivenValidPlaybook()
    {
        var manager = app.ClientAs(UserRole.Manager);

        var saved = JsonDocument.Parse(await (await manager.PutAsync("/api/playbooks/pb-publish", Json(PlaybooksApiSamples.Valid("pb-publish"))))
            .Content.ReadAsStringAsync()).RootElement;
        var published = await manager.PostAsync("/api/playbooks/pb-publish/publish", null);

        Assert.Equal((1, true, 0), (saved.GetProperty("version").GetInt32(), saved.GetProperty("publishable").GetBoolean(),
            saved.GetProperty("problems").GetArrayLength()));
        var change = JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(("Published", 1, "pb-publish.json"), (change.GetProperty("status").GetString(), change.GetProperty("version").GetInt32(),
            change.GetProperty("file").GetString()));
        var detail = await GetAsync("/api/playbooks/pb-publish");
        Assert.Equal((1, "Published", 1), (detail.GetProperty("version").GetProperty("number").GetInt32(),
            detail.GetProperty("version").GetProperty("status").GetString(), detail.GetProperty("publishedVersion").GetInt32()));
        Assert.Equal("Follow-up pb-publish", detail.GetProperty("definition").GetProperty("name").GetString());
        var file = PlaybookJson.Read(await File.ReadAllTextAsync(Path.Combine(app.PlaybooksFolder, "pb-publish.json"))).Definition!;
        Assert.Equal(("pb-publish", 1), (file.Id, file.Version));
        var listed = JsonDocument.Parse(await app.ClientAs(UserRole.Rep).GetStringAsync("/api/playbooks")).RootElement.EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == "pb-publish");
        Assert.Equal(("Published", 1), (listed.GetProperty("status").GetString(), listed.GetProperty("publishedVersion").GetInt32()));
        Assert.Equal(["enters Tier9"], listed.GetProperty("triggers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.String, listed.GetProperty("publishedAt").ValueKind);
        Assert.False(string.IsNullOrEmpty(listed.GetProperty("publishedBy").GetString()));
        // Disk and database agree: the watcher, reading the folder, finds nothing new to publish.
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var outcomes = await scope.ServiceProvider.GetRequiredService<PlaybookCatalog>().PublishFolderAsync(app.PlaybooksFolder, "test", default);
        Assert.True(outcomes.Single(o => o.DefinitionId == "pb-publish").Unchanged);
    }

    [Fact]
    public async Task RefusesWithNodeLevelProblemsAndKeepsTheLiveVersionGivenInvalidDraft()
    {
        await PublishValidAsync("pb-invalid");
        var manager = app.ClientAs(UserRole.Manager);

        var saved = await manager.PutAsync("/api/playbooks/pb-invalid", Json(PlaybooksApiSamples.Invalid("pb-invalid")));
        var refused = await (await manager.PostAsync("/api/playbooks/pb-invalid/publish", null)).ProblemAsync(422);

        var draft = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal((2, false), (draft.GetProperty("version").GetInt32(), draft.GetProperty("publishable").GetBoolean()));
        Assert.Equal("pb-invalid v2 was not published; version 1 stays live", refused.GetProperty("title").GetString());
        Assert.Equal(1, refused.GetProperty("liveVersion").GetInt32());
        var problems = refused.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("nodeId").GetString(), p.GetProperty("where").GetString())).ToList();
        Assert.Contains(("pause", "port Done"), problems);
        Assert.Contains(("pause", "input duration"), problems);
        Assert.Contains(("wait", "input timout"), problems);
        Assert.Contains("node pause, port Done: the edge goes to node nowhere, which does not exist (a dangling edge)",
            refused.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("text").GetString()));
        var detail = await GetAsync("/api/playbooks/pb-invalid");
        Assert.Equal((1, "Published", 2), (detail.GetProperty("version").GetProperty("number").GetInt32(),
            detail.GetProperty("version").GetProperty("status").GetString(), detail.GetProperty("latestDraft").GetInt32()));
        var versions = (await GetAsync("/api/playbooks/pb-invalid/versions")).EnumerateArray().ToList();
        Assert.Equal([(2, "Draft"), (1, "Published")], versions.Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("status").GetString())));
        Assert.NotEqual(0, versions[0].GetProperty("problems").GetArrayLength());
        await using var scope = app.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, scope.ServiceProvider.GetRequiredService<PlaybookCatalog>().GetPublished("pb-invalid")!.Version);
    }

    [Fact]
    public async Task Answers400NamingTheLineGivenUnreadableJsonOrAnotherId()
    {
        var manager = app.ClientAs(UserRole.Manager);

        var unreadable = await (await manager.PutAsync("/api/playbooks/pb-bad", Json(PlaybooksApiSamples.Valid("pb-bad").Replace("\"Start\" },", "\"Start\" }"))))
            .ProblemAsync(400);
        var otherId = await (await manager.PutAsync("/api/playbooks/pb-other", Json(PlaybooksApiSamples.Valid("pb-bad")))).ProblemAsync(400);

        Assert.Contains("line 7", unreadable.GetProperty("detail").GetString());
        Assert.Contains("$.nodes", unreadable.GetProperty("detail").GetString());
        Assert.Contains("'pb-bad'", otherId.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/playbooks/pb-bad")).StatusCode);
    }

    [Fact]
    public async Task ExportsTheVersionAsAFileDownload()
    {
        await PublishValidAsync("pb-export");

        var response = await app.ClientAs(UserRole.Manager).GetAsync("/api/playbooks/pb-export/versions/1/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("attachment", "pb-export.v1.json"), (response.Content.Headers.ContentDisposition?.DispositionType,
            response.Content.Headers.ContentDisposition?.FileName));
        var exported = PlaybookJson.Read(await response.Content.ReadAsStringAsync()).Definition!;
        Assert.Equal(("pb-export", 1, 5), (exported.Id, exported.Version, exported.Nodes.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Manager).GetAsync("/api/playbooks/pb-export/versions/9/export")).StatusCode);
    }

    [Fact]
    public async Task RetractsAndRemovesTheFileSoNoNewInstanceStarts()
    {
        await PublishValidAsync("pb-retract");
        Assert.True(File.Exists(Path.Combine(app.PlaybooksFolder, "pb-retract.json")));

        var response = await app.ClientAs(UserRole.Manager).PostAsync("/api/playbooks/pb-retract/retract", null);

        var change = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Retracted", 1, "pb-retract.json"), (change.GetProperty("status").GetString(), change.GetProperty("version").GetInt32(),
            change.GetProperty("file").GetString()));
        Assert.False(File.Exists(Path.Combine(app.PlaybooksFolder, "pb-retract.json")));
        var listed = (await GetAsync("/api/playbooks")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "pb-retract");
        Assert.Equal("Retracted", listed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.ClientAs(UserRole.Manager).PostAsync("/api/playbooks/pb-retract/retract", null)).StatusCode);
    }

    [Fact]
    public async Task Answers403GivenRepSavingOrReadingADefinition()
    {
        var rep = app.ClientAs(UserRole.Rep);

        var put = await rep.PutAsync("/api/playbooks/pb-rep", Json(PlaybooksApiSamples.Valid("pb-rep")));

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/playbooks/pb-rep")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Ops).PostAsync("/api/playbooks/pb-rep/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.GetAsync("/api/playbooks")).StatusCode);
    }
}

public sealed class PlaybooksApiPublishOnSqlite(SqliteApp app) : PlaybooksApiPublish<SqliteApp>(app);

public sealed class PlaybooksApiPublishOnPostgres(PostgresApp app) : PlaybooksApiPublish<PostgresApp>(app);
