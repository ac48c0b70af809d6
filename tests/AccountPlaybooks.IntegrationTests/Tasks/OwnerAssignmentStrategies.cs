using AccountPlaybooks.Application.Assignment;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// The assignment strategies on a real database. Each test uses its own team, so pools do not overlap.
public abstract class OwnerAssignmentStrategies<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private static Rep Rep(string id, RepRole role, string team, int weight = 1, int capacity = 30, string? pair = null, List<string>? territories = null) =>
        new() { Id = id, Email = $"{id}@example.test", Name = id, Role = role, Team = team, AssignmentWeight = weight, Tier1Capacity = capacity,
            PairRepId = pair, Territories = territories ?? [] };

    private static Account Account(string id, string? ae = null, string? country = null) =>
        new() { Id = id, Name = id, AeOwnerId = ae, Country = country };

    private Task SeedAsync(IEnumerable<Rep> reps, IEnumerable<Account> accounts, string? tier1 = null) => app.WithDbAsync(async db =>
    {
        db.Reps.AddRange(reps);
        var list = accounts.ToList();
        db.Accounts.AddRange(list);
        if (tier1 is not null)
        {
            db.AccountScores.AddRange(list.Select(a => new AccountScore { AccountId = a.Id, Tier = tier1, RulesetVersion = "test" }));
        }
        await db.SaveChangesAsync();
    });

    /// Assigns each account in turn, saving between them as playbook steps would.
    private async Task<List<AssignResult>> AssignAsync(AssignRequest request, AssignmentOptions? options, params string[] accountIds)
    {
        var results = new List<AssignResult>();
        foreach (var id in accountIds)
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.Id == id);
            results.Add(await new OwnerAssignment(db, options ?? new AssignmentOptions()).AssignAsync(account, request, Now, CancellationToken.None));
            await db.SaveChangesAsync();
        }
        return results;
    }

    [Fact]
    public async Task PairGivesTheAeAndTheAesNamedSdr()
    {
        await SeedAsync([Rep("pa-ae", RepRole.AE, "pa", pair: "pa-sdr2"), Rep("pa-sdr1", RepRole.SDR, "pa"), Rep("pa-sdr2", RepRole.SDR, "pa")],
            [Account("pa-acct")]);

        var result = (await AssignAsync(new AssignRequest("pair", "ae", "pa", true, true), null, "pa-acct")).Single();

        Assert.Equal(("pa-ae", "pa-sdr2", true), (result.AeId, result.SdrId, result.Assigned));
        Assert.Contains("SDR pa-sdr2: pa-ae's named pair", result.Reason);
        var stored = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Id == "pa-acct"));
        Assert.Equal((result.Reason, Now), (stored.OwnerReason, stored.OwnerAssignedAt));
    }

    [Fact]
    public async Task KeepKeepsTheCurrentOwnerUnlessAway()
    {
        await SeedAsync([Rep("kp-ae1", RepRole.AE, "kp"), Rep("kp-ae2", RepRole.AE, "kp")], [Account("kp-1", ae: "kp-ae2"), Account("kp-2", ae: "kp-ae1")]);
        await app.WithDbAsync(db => db.Reps.Where(r => r.Id == "kp-ae1")
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.OutOfOfficeFrom, Now.AddDays(-1)).SetProperty(r => r.OutOfOfficeUntil, Now.AddDays(5))));

        var results = await AssignAsync(new AssignRequest("keep", "ae", "kp", true, true), null, "kp-1", "kp-2");

        Assert.Equal(["kp-ae2", "kp-ae2"], results.Select(r => r.AeId));
        Assert.Contains("kept (current owner)", results[0].Reason);
        Assert.Contains("current owner kp-ae1 is not available (out of office)", results[1].Reason);
    }

    [Fact]
    public async Task RoundRobinFollowsTheWeights()
    {
        var ids = Enumerable.Range(1, 6).Select(i => $"rr-{i}").ToArray();
        await SeedAsync([Rep("rr-ae1", RepRole.AE, "rr", weight: 1), Rep("rr-ae2", RepRole.AE, "rr", weight: 2), Rep("rr-ae0", RepRole.AE, "rr", weight: 0)],
            ids.Select(id => Account(id)));

        var results = await AssignAsync(new AssignRequest("roundRobin", "ae", "rr", true, true), null, ids);

        Assert.Equal(2, results.Count(r => r.AeId == "rr-ae1"));
        Assert.Equal(4, results.Count(r => r.AeId == "rr-ae2"));
    }

    [Fact]
    public async Task SkipsRepsAtTier1CapacityThenQueues()
    {
        await SeedAsync([Rep("cap-ae1", RepRole.AE, "cap", capacity: 1), Rep("cap-ae2", RepRole.AE, "cap", capacity: 1)],
            [Account("cap-owned", ae: "cap-ae1"), Account("cap-1"), Account("cap-2")], tier1: "Tier1");

        var results = await AssignAsync(new AssignRequest("roundRobin", "ae", "cap", true, true), null, "cap-1", "cap-2");

        Assert.Equal(("cap-ae2", true), (results[0].AeId, results[0].Assigned));
        Assert.False(results[1].Assigned);
        Assert.Null(results[1].AeId);
        Assert.Contains("no AE available in team cap (0 out of office, 2 at Tier 1 capacity", results[1].Reason);
    }

    /// A batch (a signal batch, a timer sweep) assigns many accounts in one unit of work and saves once: each
    /// assignment counts in the next one's loads and capacity, though nothing is stored yet.
    [Fact]
    public async Task OneUnitOfWorkCountsItsOwnAssignments()
    {
        var ids = Enumerable.Range(1, 5).Select(i => $"uw-{i}").ToArray();
        await SeedAsync([Rep("uw-ae1", RepRole.AE, "uw", capacity: 2), Rep("uw-ae2", RepRole.AE, "uw", capacity: 2)], ids.Select(id => Account(id)), tier1: "Tier1");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owners = new OwnerAssignment(db, new AssignmentOptions());
        var results = new List<AssignResult>();
        foreach (var id in ids)
        {
            results.Add(await owners.AssignAsync(await db.Accounts.SingleAsync(a => a.Id == id), new AssignRequest("roundRobin", "ae", "uw", true, true), Now,
                CancellationToken.None));
        }
        await db.SaveChangesAsync();

        Assert.Equal(2, results.Count(r => r.AeId == "uw-ae1"));
        Assert.Equal(2, results.Count(r => r.AeId == "uw-ae2"));
        Assert.False(results[4].Assigned); // both at their Tier 1 capacity of 2, counting this batch's own
        Assert.Contains("2 at Tier 1 capacity", results[4].Reason);
    }

    [Fact]
    public async Task TerritoryRulesPickTheTerritorysReps()
    {
        var options = new AssignmentOptions { Territories = [new TerritoryRule { Name = "tr-DACH", Countries = ["Germany", "Austria"] }] };
        await SeedAsync([Rep("tr-ae-dach", RepRole.AE, "tr", territories: ["tr-DACH"]), Rep("tr-ae-other", RepRole.AE, "tr")],
            [Account("tr-de", country: "germany"), Account("tr-fr", country: "France")]);

        var results = await AssignAsync(new AssignRequest("territory", "ae", "tr", true, true), options, "tr-de", "tr-fr");

        Assert.Equal("tr-ae-dach", results[0].AeId);
        Assert.Contains("territory tr-DACH", results[0].Reason);
        Assert.Equal("tr-ae-other", results[1].AeId); // no rule matches: the team's round-robin
    }
}

public sealed class OwnerAssignmentStrategiesOnSqlite(SqliteApp app) : OwnerAssignmentStrategies<SqliteApp>(app);

public sealed class OwnerAssignmentStrategiesOnPostgres(PostgresApp app) : OwnerAssignmentStrategies<PostgresApp>(app);
