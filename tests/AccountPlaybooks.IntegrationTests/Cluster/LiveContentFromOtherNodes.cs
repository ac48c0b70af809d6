using System.Text.Json.Nodes;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Outreach;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using AccountPlaybooks.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Cluster;

/// What another node stores in the shared database (written here straight into it, as that node would) goes live on
/// this node within seconds and lands in this node's folders (ADR 0027). The two-node test does the same with real
/// processes on PostgreSQL; this one runs on SQLite in a second.
public sealed class LiveContentFromOtherNodes(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task ATemplateStoredByAnotherNodeIsLiveHereAndInTheFolder()
    {
        const string text = "From the other node for {{ account.name }}\nBody";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.TemplateSaves.Add(new TemplateSave
            {
                Name = "other-node", Hash = TemplateRenderer.HashOf(text), Author = "ops@other.node", Text = text, SavedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var catalog = app.Factory.Services.GetRequiredService<TemplateCatalog>();
        await Eventually.GetAsync(() => Task.FromResult(catalog.TryGet("other-node")?.Text), live => live == text, "the template is live here");
        Assert.Equal(text, await File.ReadAllTextAsync(Path.Combine(app.TemplatesFolder, "other-node.sbn")));
        // Stored once: this node's watcher sees its own copy of the file and stores nothing more.
        await Task.Delay(1000);
        await using var check = app.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<AppDbContext>().TemplateSaves.CountAsync(s => s.Name == "other-node"));
    }

    [Fact]
    public async Task ATemplateSavedInThisNodesFolderIsStoredWithItsTextForTheOtherNodes()
    {
        const string text = "Edited on disk for {{ account.name }}\nBody";
        await File.WriteAllTextAsync(Path.Combine(app.TemplatesFolder, "disk-edit.sbn"), text);
        var stored = await Eventually.GetAsync(async () =>
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<AppDbContext>().TemplateSaves.AsNoTracking()
                .Where(s => s.Name == "disk-edit").ToListAsync();
        }, saves => saves.Count > 0, "the folder's save is stored");
        Assert.Equal(text, Assert.Single(stored).Text);
        Assert.StartsWith("file save (disk-edit.sbn", stored[0].Author);
    }

    [Fact]
    public async Task ARuleSetPublishedByAnotherNodeIsLiveHereAndInTheFolderAndSoIsItsRollback()
    {
        var registry = app.Factory.Services.GetRequiredService<RulesetRegistry>();
        var before = registry.Active!.Version;
        var (rules, _) = RulesFolder.Read(app.RulesFolder);
        var edited = rules.Select(f => f.Name == "tiers.json" ? f with { Content = f.Content.Replace("\"PoorFit\",", "\"PoorFit\",   ") } : f).ToList();
        var hash = RulesetCompiler.HashOf(edited);
        await SetActiveAsync(new RulesetRecord
        {
            Id = hash[..12], Hash = hash, Author = "ops@other.node", CreatedAt = DateTime.UtcNow, Status = RulesetStatus.Active,
            Files = edited.ToDictionary(f => f.Name, f => f.Content),
        });
        await Eventually.GetAsync(() => Task.FromResult(registry.Active!.Version), live => live == hash[..12], "the other node's rules are live here");
        await Eventually.GetAsync(() => File.ReadAllTextAsync(Path.Combine(app.RulesFolder, "tiers.json")), t => t.Contains("\"PoorFit\",   "),
            "the folder holds the other node's files");

        await SetActiveAsync(null, before);
        await Eventually.GetAsync(() => Task.FromResult(registry.Active!.Version), live => live == before, "the other node's rollback is live here");
        await Eventually.GetAsync(() => File.ReadAllTextAsync(Path.Combine(app.RulesFolder, "tiers.json")), t => !t.Contains("\"PoorFit\",   "),
            "the folder holds the rolled-back files");
    }

    [Fact]
    public async Task APlaybookPublishedThenRetractedByAnotherNodeIsSoHere()
    {
        var catalog = app.Factory.Services.GetRequiredService<PlaybookCatalog>();
        var node = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "workflows", "tier3-market.json")))!.AsObject();
        node["id"] = "other-node-market";
        node["version"] = 1;
        var json = PlaybookJson.Write(PlaybookJson.Read(node.ToJsonString()).Definition!);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.PlaybookVersions.Add(new PlaybookVersion
            {
                DefinitionId = "other-node-market", Number = 1, Status = PlaybookVersionStatus.Published, Json = json, Author = "manager@other.node",
                CreatedAt = DateTime.UtcNow, PublishedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await Eventually.GetAsync(() => Task.FromResult(catalog.GetPublished("other-node-market")?.Version), v => v == 1, "the playbook is live here");
        await Eventually.GetAsync(() => Task.FromResult(PlaybookFiles.Find(app.PlaybooksFolder, "other-node-market")), f => f is not null,
            "the playbook's file is in the folder");

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.PlaybookVersions.SingleAsync(v => v.DefinitionId == "other-node-market")).Status = PlaybookVersionStatus.Retracted;
            await db.SaveChangesAsync();
        }
        await Eventually.GetAsync(() => Task.FromResult(catalog.GetPublished("other-node-market")), p => p is null, "the playbook is retracted here");
        await Eventually.GetAsync(() => Task.FromResult(PlaybookFiles.Find(app.PlaybooksFolder, "other-node-market")), f => f is null,
            "the retracted playbook's file is gone from the folder");
        Assert.NotNull(catalog.Get("other-node-market", 1)); // instances on it keep running
    }

    /// As another node's publish does: the live version superseded and the new one active, in one transaction.
    private async Task SetActiveAsync(RulesetRecord? added, string? existing = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var active in await db.Rulesets.Where(r => r.Status == RulesetStatus.Active).ToListAsync())
        {
            active.Status = RulesetStatus.Superseded;
        }
        if (added is not null)
        {
            db.Rulesets.Add(added);
        }
        else
        {
            var record = await db.Rulesets.SingleAsync(r => r.Id == existing);
            record.Status = RulesetStatus.Active;
            record.CreatedAt = DateTime.UtcNow;
        }
        await db.SaveChangesAsync();
    }
}
