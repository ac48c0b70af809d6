using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Signals;

/// Signals that are stored but not processed — the process died right after the intake's commit, or a delivery
/// failed — are processed by the drain: once, with their tier changes and playbooks; a delivery that keeps failing
/// is retried with backoff, then given up on with its error kept rather than dropped.
public abstract class SignalDrainProcessing<TApp>(TApp app) : IClassFixture<TApp> where TApp : TierChangeApp
{
    [Fact]
    public async Task ProcessesSignalsLeftUnprocessedOnceWithTheirTierChangeAndPlaybook()
    {
        await ImportAsync("backlog-1");
        await StoreUnprocessedAsync("backlog-1", "page_visit", "page_visit", "email_reply", "demo_request");

        await ProcessPendingAsync(); // the drain may have taken them already; either way, once
        await Eventually.GetAsync(() => UnprocessedAsync("backlog-1"), n => n == 0, "the stored signals are processed");

        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "backlog-1"));
        Assert.Equal(["demo-request", "tier2-call"], await PlaybooksAsync("backlog-1"));
        await ProcessPendingAsync();
        Assert.Equal(["demo-request", "tier2-call"], await PlaybooksAsync("backlog-1"));
    }

    [Fact]
    public async Task RetriesASignalWhoseDeliveryFailsWithBackoffThenGivesUpKeepingTheError()
    {
        await ImportAsync("backlog-2");
        app.Fault.AccountId = "backlog-2";
        try
        {
            await StoreUnprocessedAsync("backlog-2", "demo_request");
            for (var attempt = 1; attempt <= SignalProcessor.MaxAttempts; attempt++)
            {
                await ProcessPendingAsync();
                var signal = await Eventually.GetAsync(() => SignalAsync("backlog-2-0"), s => s.ProcessAttempts == attempt, $"attempt {attempt} is recorded");
                Assert.Contains("simulated crash while storing the playbook of account backlog-2", signal.ProcessError);
                Assert.Equal(attempt == SignalProcessor.MaxAttempts, signal.ProcessedAt is not null); // given up: kept, shown
                await ProcessPendingAsync(); // backing off: not tried again before its time
                Assert.Equal(attempt, (await SignalAsync("backlog-2-0")).ProcessAttempts);
                app.Clock.Advance(SignalRetries.Backoff(attempt));
            }
        }
        finally
        {
            app.Fault.AccountId = null;
        }
        Assert.Empty(await PlaybooksAsync("backlog-2"));
        await ProcessPendingAsync();
        Assert.Equal(SignalProcessor.MaxAttempts, (await SignalAsync("backlog-2-0")).ProcessAttempts); // given up is left alone
    }

    private async Task ImportAsync(string id) =>
        await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();

    /// As the intake leaves them when the process dies right after its commit.
    private Task StoreUnprocessedAsync(string accountId, params string[] types) => app.WithDbAsync(db =>
    {
        var received = app.Clock.GetUtcNow().UtcDateTime;
        db.Signals.AddRange(types.Select((type, index) => new Signal
        {
            Id = $"{accountId}-{index}", AccountId = accountId, Type = type, OccurredAt = received.AddHours(-index - 1), ReceivedAt = received,
            Properties = type == "page_visit" ? new() { ["page"] = "/pricing" } : [],
        }));
        return db.SaveChangesAsync();
    });

    private async Task ProcessPendingAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignalProcessor>().ProcessPendingAsync();
    }

    private Task<int> UnprocessedAsync(string accountId) =>
        app.WithDbAsync(db => db.Signals.CountAsync(s => s.AccountId == accountId && s.ProcessedAt == null));

    private Task<Signal> SignalAsync(string id) => app.WithDbAsync(db => db.Signals.AsNoTracking().SingleAsync(s => s.Id == id));

    private Task<List<string>> PlaybooksAsync(string accountId) => app.WithDbAsync(db => db.PlaybookInstances
        .Where(i => i.AccountId == accountId).Select(i => i.DefinitionId).OrderBy(d => d).ToListAsync());
}

public sealed class SignalDrainProcessingOnSqlite(TierChangeOnSqlite app) : SignalDrainProcessing<TierChangeOnSqlite>(app);

public sealed class SignalDrainProcessingOnPostgres(TierChangeOnPostgres app) : SignalDrainProcessing<TierChangeOnPostgres>(app);
