using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Postgres;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Scoring;

/// A tier change and the playbooks it starts are one unit: when storing the playbook fails half-way (a crash, a lost
/// connection), the account keeps its old tier, score and history — never a new tier without its playbook — while
/// the other accounts of the same batch move on. Its signals are retried (SignalProcessor), and the retry applies the
/// change whole.
public abstract class TierChangeConsequences<TApp>(TApp app) : IClassFixture<TApp> where TApp : TierChangeApp
{
    [Fact]
    public async Task KeepsTheOldTierOfTheAccountWhosePlaybookFailedAndMovesTheOthersWithTheirPlaybooks()
    {
        string[] ids = ["unit-a", "unit-b", "unit-c"];
        app.Fault.AccountId = "unit-b";
        try
        {
            await EnterTier2TogetherAsync(ids); // one request: the three accounts are evaluated in one batch
            await Eventually.GetAsync(() => SignalsAsync(ids), signals => signals.All(s => s.AccountId == "unit-b"
                ? s.ProcessedAt is null && s.ProcessAttempts == 1 : s.ProcessedAt is not null && s.ProcessError is null), "the batch is processed");
        }
        finally
        {
            app.Fault.AccountId = null;
        }

        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "unit-a"));
        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "unit-c"));
        Assert.Equal("Tier3", await ScoredAccounts.TierAsync(app, "unit-b"));
        Assert.Equal(0, await app.WithDbAsync(db => db.TierChanges.CountAsync(c => c.AccountId == "unit-b" && c.ToTier == "Tier2")));
        Assert.Equal(["unit-a", "unit-c"], await RunningAsync(ids));
        await AssertPlaybooksFollowTiersAsync(ids);
        Assert.All((await SignalsAsync(["unit-b"])).Select(s => s.ProcessError),
            error => Assert.Contains("simulated crash while storing the playbook of account unit-b", error));

        // Its signals are retried after the backoff: the evaluation finds the account still to move, and moves it whole.
        app.Clock.Advance(SignalRetries.Backoff(1));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SignalProcessor>().ProcessPendingAsync(); // the drain may have taken them already
        }
        await Eventually.GetAsync(() => SignalsAsync(["unit-b"]), signals => signals.All(s => s.ProcessedAt is not null && s.ProcessError is null),
            "the retried signals are processed");
        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "unit-b"));
        Assert.Equal(ids, await RunningAsync(ids));
        await AssertPlaybooksFollowTiersAsync(ids);
    }

    private async Task EnterTier2TogetherAsync(string[] ids)
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            string.Concat(ids.Select(id => $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")))).ReadAsync<Api.ImportResult>();
        var now = app.Clock.GetUtcNow();
        var day = TimeSpan.FromDays(1);
        var signals = ids.SelectMany(id => new object[]
        {
            new { id = $"{id}-p1", accountId = id, type = "page_visit", occurredAt = now - day, properties = new { page = "/pricing" } },
            new { id = $"{id}-p2", accountId = id, type = "page_visit", occurredAt = now - 2 * day, properties = new { page = "/pricing" } },
            new { id = $"{id}-r0", accountId = id, type = "email_reply", occurredAt = now - 3 * day },
        }).ToArray();
        Assert.Equal(9, (await (await ops.PostJsonAsync("/api/signals", signals)).ReadAsync<Api.ImportResult>()).Created);
    }

    private Task<List<Domain.Signals.Signal>> SignalsAsync(string[] ids) =>
        app.WithDbAsync(db => db.Signals.AsNoTracking().Where(s => ids.Contains(s.AccountId)).ToListAsync());

    private Task<List<string>> RunningAsync(string[] ids) => app.WithDbAsync(db => db.PlaybookInstances
        .Where(i => ids.Contains(i.AccountId) && i.DefinitionId == "tier2-call" && i.EndedAt == null)
        .Select(i => i.AccountId).OrderBy(id => id).ToListAsync());

    /// The invariant: an account runs the Tier 2 playbook exactly when it is in Tier 2, and its history ends there.
    private async Task AssertPlaybooksFollowTiersAsync(string[] ids)
    {
        var running = await RunningAsync(ids);
        foreach (var id in ids)
        {
            var tier = await ScoredAccounts.TierAsync(app, id);
            Assert.Equal(tier == "Tier2", running.Contains(id));
            var last = await app.WithDbAsync(db => db.TierChanges.Where(c => c.AccountId == id).OrderByDescending(c => c.Id).Select(c => c.ToTier).FirstAsync());
            Assert.Equal(tier, last);
        }
    }
}

/// The Tier 2 call playbook and a demo-request playbook started by a signal, with the fault that fails the storing of
/// one account's playbook.
public abstract class TierChangeApp : TaskPlaybookApp
{
    public const string DemoRequestPlaybook = """
        {
          "id": "demo-request", "name": "Demo request",
          "triggers": [ { "type": "signal", "signalTypes": ["demo_request"] } ],
          "nodes": [
            { "id": "start", "type": "Start" },
            { "id": "call", "type": "CreateTask", "inputs": { "channel": "call", "template": "tier2-sequence-email", "due": "PT4H" } },
            { "id": "end", "type": "End" }
          ],
          "edges": [
            { "from": "start", "port": "Done", "to": "call" },
            { "from": "call", "port": "Done", "to": "end" },
            { "from": "call", "port": "Skipped", "to": "end" }
          ]
        }
        """;

    protected TierChangeApp(DatabaseProvider provider) : base(provider) =>
        File.WriteAllText(Path.Combine(Workflows, "demo-request.json"), DemoRequestPlaybook);

    public FailingPlaybookStart Fault { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteDbContext>(options => options.AddInterceptors(Fault));
        services.ConfigureDbContext<PostgresDbContext>(options => options.AddInterceptors(Fault));
    }
}

public sealed class TierChangeOnSqlite() : TierChangeApp(DatabaseProvider.Sqlite);

public sealed class TierChangeOnPostgres() : TierChangeApp(DatabaseProvider.Postgres);

public sealed class TierChangeConsequencesOnSqlite(TierChangeOnSqlite app) : TierChangeConsequences<TierChangeOnSqlite>(app);

public sealed class TierChangeConsequencesOnPostgres(TierChangeOnPostgres app) : TierChangeConsequences<TierChangeOnPostgres>(app);
