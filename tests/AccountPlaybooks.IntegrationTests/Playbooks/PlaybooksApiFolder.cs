using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// A manager saves playbook files into the folder while the server runs: a good file goes live within seconds; a bad
/// save is rejected and the version already live keeps running.
public abstract class PlaybooksApiFolder<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<JsonElement?> DetailAsync(string id)
    {
        var response = await app.ClientAs(UserRole.Manager).GetAsync($"/api/playbooks/{id}");
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : null;
    }

    private async Task<int?> PublishedVersionAsync(string id) =>
        await DetailAsync(id) is { } detail && detail.GetProperty("publishedVersion") is { ValueKind: JsonValueKind.Number } version ? version.GetInt32() : null;

    [Fact]
    public async Task KeepsTheLiveVersionGivenABadSave()
    {
        var file = Path.Combine(app.PlaybooksFolder, "follow-up.json");
        await File.WriteAllTextAsync(file, PlaybooksApiSamples.Valid("pb-hot"));
        await Eventually.GetAsync(() => PublishedVersionAsync("pb-hot"), v => v == 1, "the saved file is published as version 1");

        await File.WriteAllTextAsync(file, PlaybooksApiSamples.Invalid("pb-hot"));
        // Saved after the bad file: once it is live, the watcher has read the bad file too.
        await File.WriteAllTextAsync(Path.Combine(app.PlaybooksFolder, "marker.json"), PlaybooksApiSamples.Valid("pb-hot-marker"));
        await Eventually.GetAsync(() => PublishedVersionAsync("pb-hot-marker"), v => v == 1, "the file saved after the bad one is published");

        var detail = (await DetailAsync("pb-hot"))!.Value;
        Assert.Equal(1, detail.GetProperty("publishedVersion").GetInt32());
        Assert.Equal("P2D", detail.GetProperty("definition").GetProperty("nodes")[1].GetProperty("inputs").GetProperty("duration").GetString());
        var versions = JsonDocument.Parse(await app.ClientAs(UserRole.Manager).GetStringAsync("/api/playbooks/pb-hot/versions")).RootElement;
        Assert.Equal(1, versions.GetArrayLength());
    }
}

public sealed class PlaybooksApiFolderOnSqlite(SqliteApp app) : PlaybooksApiFolder<SqliteApp>(app);

public sealed class PlaybooksApiFolderOnPostgres(PostgresApp app) : PlaybooksApiFolder<PostgresApp>(app);
