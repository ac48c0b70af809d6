using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Playbooks.Simulation;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// The what-if before a publish: the playbook consequences of lowering the Tier 1 threshold on seeded accounts with
/// the repository's playbooks live, the streamed answer, and a run that stops when its client goes away.
public abstract class RulesWhatIf<TApp>(TApp app) : IClassFixture<TApp> where TApp : WhatIfApp
{
    private string LoweredTiers() => ScoredAccounts.LowerTier1Threshold(File.ReadAllText(Path.Combine(app.RulesFolder, "tiers.json")));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task CountsEntriesExitsAndTasksPerRepGivenLowerTier1Threshold()
    {
        await app.SeedAsync();
        var (instancesBefore, tasksBefore) = await app.WithDbAsync(async db => (await db.PlaybookInstances.CountAsync(), await db.Tasks.CountAsync()));
        var openTier2Tasks = await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.AccountId == "fit-1" && t.PlaybookId == "tier2-target" &&
                                                                                  t.Status == OutreachTaskStatus.Open));

        var report = await (await app.ClientAs(UserRole.Ops).PostAsync("/api/rules/tiers/preview", Json(LoweredTiers()))).ReadAsync<WhatIfReport>();

        var mover = Assert.Single(report.Movers, m => m.AccountId == "fit-1");
        Assert.Equal(["tier1-priority"], mover.Enters);
        Assert.Equal(["tier2-target"], mover.Leaves);
        var tier1 = Assert.Single(report.Playbooks, p => p.PlaybookId == "tier1-priority");
        var tier2 = Assert.Single(report.Playbooks, p => p.PlaybookId == "tier2-target");
        Assert.Equal((1, 0, "fit-1"), (tier1.Entering, tier1.Leaving, tier1.SampleAccountId));
        Assert.Equal((0, 1), (tier2.Entering, tier2.Leaving));
        Assert.True(openTier2Tasks > 0, "fit-1's tier2-target instance has open tasks to cancel");
        Assert.Equal(openTier2Tasks, tier2.OpenTasksCancelled);
        // The simulated first week of tier1-priority starts with the research brief for the AE.
        Assert.Null(tier1.EstimateNote);
        Assert.Equal(("research", "ae", 1), (tier1.Steps[0].NodeId, tier1.Steps[0].Assignee, tier1.Steps[0].Tasks));
        Assert.Equal(tier1.Steps.Sum(s => s.Tasks), tier1.TasksPerEntry);
        Assert.Equal(tier1.TasksPerEntry, tier1.TasksCreated);
        // fit-1's AE (Ravi) keeps the account under the pair strategy and gets the AE's and the owner's steps.
        var ravi = Assert.Single(report.TasksPerRep, r => r.RepId == app.RepRepId);
        Assert.Equal(tier1.Steps.Where(s => s.Assignee is "ae" or "owner").Sum(s => s.Tasks), ravi.Created);
        Assert.Equal(ravi.Created, ravi.CreatedPerPlaybook["tier1-priority"]);
        Assert.Equal(openTier2Tasks, report.TasksPerRep.Sum(r => r.Cancelled));
        Assert.Equal(WhatIfWorkload.HorizonDays, report.TaskHorizonDays);
        // Nothing was written: no instance started or ended, no task made or cancelled.
        Assert.Equal((instancesBefore, tasksBefore), await app.WithDbAsync(async db => (await db.PlaybookInstances.CountAsync(), await db.Tasks.CountAsync())));
        Assert.Equal(openTier2Tasks, await app.WithDbAsync(db => db.Tasks.CountAsync(t => t.AccountId == "fit-1" && t.Status == OutreachTaskStatus.Open &&
                                                                                           t.PlaybookId == "tier2-target")));
        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "fit-1"));
    }

    [Fact]
    public async Task StreamsProgressThenTheSameReportGivenNdjsonAccept()
    {
        await app.SeedAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rules/tiers/preview") { Content = Json(LoweredTiers()) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));

        var response = await app.ClientAs(UserRole.Ops).SendAsync(request);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var progress = lines.SkipLast(1).Select(l => l.GetProperty("progress")).ToList();
        Assert.All(lines.SkipLast(1), l => Assert.Equal("progress", l.GetProperty("type").GetString()));
        var accounts = progress.Where(p => p.GetProperty("phase").GetString() == "accounts").ToList();
        Assert.Equal(0, accounts[0].GetProperty("done").GetInt32());
        Assert.Equal(accounts[^1].GetProperty("total").GetInt32(), accounts[^1].GetProperty("done").GetInt32());
        Assert.True(accounts.Count >= 2);
        Assert.Contains(progress, p => p.GetProperty("phase").GetString() == "playbooks");
        Assert.Equal("report", lines[^1].GetProperty("type").GetString());
        var report = lines[^1].GetProperty("report");
        Assert.Equal(accounts[^1].GetProperty("done").GetInt32(), report.GetProperty("accounts").GetInt32());
        Assert.Contains(report.GetProperty("playbooks").EnumerateArray(), p => p.GetProperty("playbookId").GetString() == "tier1-priority");
    }

    [Fact]
    public async Task StopsEvaluatingAtTheNextChunkGivenCancelledToken()
    {
        await app.SeedAsync();
        var total = await app.WithDbAsync(db => db.Accounts.CountAsync());
        Assert.True(total > 2, "more accounts than one chunk of two");
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var draft = Draft(LoweredTiers());
        var seen = new List<WhatIfProgress>();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<WhatIf>().RunAsync(draft, progress =>
        {
            seen.Add(progress);
            if (progress.Done > 0)
            {
                cancel.Cancel(); // the client goes away after the first chunk
            }
            return ValueTask.CompletedTask;
        }, cancel.Token));

        Assert.Equal([0, 2], seen.Select(p => p.Done));
        Assert.All(seen, p => Assert.Equal(WhatIfProgress.Accounts, p.Phase));
        Assert.Contains(app.Log, line => line.EndsWith($"cancelled after 2 of {total} accounts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StopsTheRunWithoutSimulatingGivenClientThatGoesAway()
    {
        await app.SeedAsync();
        var gate = app.Factory.Services.GetRequiredService<SimulationGate>();
        var options = app.Factory.Services.GetRequiredService<SimulationOptions>();
        // Every simulation slot is taken, so the run waits at its first playbook until the client leaves.
        var slots = new List<IDisposable>();
        for (var i = 0; i < options.MaxConcurrent; i++)
        {
            slots.Add(await gate.EnterAsync(CancellationToken.None));
        }
        var simulatedBefore = app.Log.Count(l => l.StartsWith("Simulated playbook", StringComparison.Ordinal));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rules/tiers/preview") { Content = Json(LoweredTiers()) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
            using (var leaving = new CancellationTokenSource())
            {
                var response = await app.ClientAs(UserRole.Ops).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, leaving.Token);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(leaving.Token));
                while (await reader.ReadLineAsync(leaving.Token) is { } line && !line.Contains("\"phase\":\"playbooks\"", StringComparison.Ordinal))
                {
                    Assert.DoesNotContain("\"type\":\"report\"", line, StringComparison.Ordinal);
                }
                await leaving.CancelAsync();
                response.Dispose();
            }
            var cancelled = $"What-if on rules {Draft(LoweredTiers()).Version} cancelled after";
            await Eventually.GetAsync(() => Task.FromResult(app.Log.Any(l => l.StartsWith(cancelled, StringComparison.Ordinal))),
                seen => seen, "the server sees the client leave and stops the what-if");
        }
        finally
        {
            slots.ForEach(s => s.Dispose());
        }
        Assert.Equal(simulatedBefore, app.Log.Count(l => l.StartsWith("Simulated playbook", StringComparison.Ordinal)));
    }

    private Ruleset Draft(string tiers)
    {
        var (rules, cases) = RulesFolder.Read(app.RulesFolder);
        rules.RemoveAll(f => f.Name == "tiers.json");
        rules.Add(new RuleFile("tiers.json", tiers));
        return RulesetValidation.Validate(rules.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(), cases).Ruleset!;
    }
}

public sealed class RulesWhatIfOnSqlite(WhatIfOnSqlite app) : RulesWhatIf<WhatIfOnSqlite>(app);

public sealed class RulesWhatIfOnPostgres(WhatIfOnPostgres app) : RulesWhatIf<WhatIfOnPostgres>(app);
