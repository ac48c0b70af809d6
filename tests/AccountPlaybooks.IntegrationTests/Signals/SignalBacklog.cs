using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Signals;

/// Signals that were stored but never processed — the process died between the intake's commit and the processing,
/// or a delivery failed — are processed by the backlog sweep: once, with their tier changes and playbooks, and a
/// delivery that keeps failing is retried, then given up on with its error kept rather than dropped.
public abstract class SignalBacklog<TApp>(TApp app) : IClassFixture<TApp> where TApp : TierChangeApp
{
    [Fact]
    public async Task ProcessesSignalsLeftUnprocessedOnceWithTheirTierChangeAndPlaybook()
    {
        await ImportAsync("backlog-1");
        var stored = app.Clock.GetUtcNow().UtcDateTime;
        await StoreUnprocessedAsync("backlog-1", stored, "page_visit", "page_visit", "email_reply", "demo_request");
        Assert.Equal("Tier3", await ScoredAccounts.TierAsync(app, "backlog-1"));

        await ProcessBacklogAsync(); // just stored: the request that stored them may be processing them
        Assert.Equal(4, await UnprocessedAsync("backlog-1"));
        app.Clock.Advance(SignalProcessor.BacklogAge + TimeSpan.FromSeconds(1));
        Assert.True(await ProcessBacklogAsync() >= 4);

        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "backlog-1"));
        Assert.Equal(["demo-request", "tier2-call"], await PlaybooksAsync("backlog-1"));
        Assert.Equal(0, await UnprocessedAsync("backlog-1"));
        await ProcessBacklogAsync();
        Assert.Equal(["demo-request", "tier2-call"], await PlaybooksAsync("backlog-1"));
    }

    [Fact]
    public async Task RetriesASignalWhoseDeliveryFailsThenGivesUpKeepingTheError()
    {
        await ImportAsync("backlog-2");
        await StoreUnprocessedAsync("backlog-2", app.Clock.GetUtcNow().UtcDateTime, "demo_request");
        app.Clock.Advance(SignalProcessor.BacklogAge + TimeSpan.FromSeconds(1));
        app.Fault.AccountId = "backlog-2";
        try
        {
            for (var attempt = 1; attempt <= SignalProcessor.MaxAttempts; attempt++)
            {
                await ProcessBacklogAsync();
                var signal = await SignalAsync("backlog-2-0");
                Assert.Equal(attempt, signal.ProcessAttempts);
                Assert.Contains("simulated crash while storing the playbook of account backlog-2", signal.ProcessError);
                Assert.Equal(attempt == SignalProcessor.MaxAttempts, signal.ProcessedAt is not null); // given up: kept, shown
            }
        }
        finally
        {
            app.Fault.AccountId = null;
        }
        Assert.Empty(await PlaybooksAsync("backlog-2"));
        await ProcessBacklogAsync();
        Assert.Equal(SignalProcessor.MaxAttempts, (await SignalAsync("backlog-2-0")).ProcessAttempts); // given up is left alone
    }

    private async Task ImportAsync(string id) =>
        await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();

    /// As the intake leaves them when the process dies right after its commit.
    private Task StoreUnprocessedAsync(string accountId, DateTime received, params string[] types) => app.WithDbAsync(db =>
    {
        db.Signals.AddRange(types.Select((type, index) => new Signal
        {
            Id = $"{accountId}-{index}", AccountId = accountId, Type = type, OccurredAt = received.AddHours(-index - 1), ReceivedAt = received,
            Properties = type == "page_visit" ? new() { ["page"] = "/pricing" } : [],
        }));
        return db.SaveChangesAsync();
    });

    private async Task<int> ProcessBacklogAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignalProcessor>().ProcessBacklogAsync();
    }

    private Task<int> UnprocessedAsync(string accountId) =>
        app.WithDbAsync(db => db.Signals.CountAsync(s => s.AccountId == accountId && s.ProcessedAt == null));

    private Task<Signal> SignalAsync(string id) => app.WithDbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<List<string>> PlaybooksAsync(string accountId) => app.WithDbAsync(db => db.PlaybookInstances
        .Where(i => i.AccountId == accountId).Select(i => i.DefinitionId).OrderBy(d => d).ToListAsync());
}

public sealed class SignalBacklogOnSqlite(TierChangeOnSqlite app) : SignalBacklog<TierChangeOnSqlite>(app);

public sealed class SignalBacklogOnPostgres(TierChangeOnPostgres app) : SignalBacklog<TierChangeOnPostgres>(app);
