using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// The run-time budget per account: with a budget every rule overruns (0 ms), a full evaluation and a what-if stop
/// after the first rule, name it, and leave the stored scores as they were. No timings are asserted.
public abstract class EvaluationBudget<TApp>(TApp app) : IClassFixture<TApp> where TApp : WhatIfApp
{
    [Fact]
    public async Task FailsTheRunNamingTheRuleAndKeepsTheScoresGivenAccountOverBudget()
    {
        await app.SeedAsync();
        var before = await app.WithDbAsync(db => db.AccountScores.AsNoTracking().OrderBy(s => s.AccountId).ToListAsync());
        var firstRule = app.Factory.Services.GetRequiredService<RulesetRegistry>().Active!.ComponentRules[0].Rule.Name;

        var run = await WithBudgetAsync(0, async services =>
        {
            var request = await services.GetRequiredService<EvaluationRequests>().RequestAsync("test:budget");
            return await Eventually.GetAsync(() => services.GetRequiredService<EvaluationQueue>().FindAsync(request.RunId),
                r => r is { FinishedAt: not null }, "the requested run ends");
        });

        Assert.Equal(EvaluationRunStatus.Failed, run!.Status);
        Assert.Contains($"rule {firstRule} ran past the time budget on account ", run.Error);
        Assert.Contains("the limit is 0 ms per account", run.Error);
        var after = await app.WithDbAsync(db => db.AccountScores.AsNoTracking().OrderBy(s => s.AccountId).ToListAsync());
        Assert.Equal(before.Select(s => (s.AccountId, s.Tier, s.Composite, s.EvaluatedAt)), after.Select(s => (s.AccountId, s.Tier, s.Composite, s.EvaluatedAt)));
    }

    [Fact]
    public async Task Answers422NamingTheRuleGivenWhatIfOverBudget()
    {
        await app.SeedAsync();
        var tiers = await File.ReadAllTextAsync(Path.Combine(app.RulesFolder, "tiers.json"));
        var ops = app.ClientAs(UserRole.Ops);

        var response = await WithBudgetAsync(0, _ => ops.PostAsync("/api/rules/tiers.json/preview", new StringContent(tiers, Encoding.UTF8, "application/json")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Matches("^rule \\w+ ran past the time budget on account .+; the limit is 0 ms per account", detail);
    }

    /// The options object is the app's singleton: the budget is changed for one call and put back.
    private async Task<T> WithBudgetAsync<T>(int milliseconds, Func<IServiceProvider, Task<T>> call)
    {
        var options = app.Factory.Services.GetRequiredService<EvaluationOptions>();
        var kept = options.AccountBudgetMilliseconds;
        options.AccountBudgetMilliseconds = milliseconds;
        try
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            return await call(scope.ServiceProvider);
        }
        finally
        {
            options.AccountBudgetMilliseconds = kept;
        }
    }
}

public sealed class EvaluationBudgetOnSqlite(WhatIfOnSqlite app) : EvaluationBudget<WhatIfOnSqlite>(app);

public sealed class EvaluationBudgetOnPostgres(WhatIfOnPostgres app) : EvaluationBudget<WhatIfOnPostgres>(app);
