using System.Text;
using System.Text.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// The cost budget at publish (ADR 0028): a ruleset whose rule costs more per account than Rules:CostBudget allows is
/// refused with a 422 naming the rule and its cost, and the live version and the file on disk stay as they were.
/// Timings are not asserted: a tiny configured limit forces the refusal, or a rule that is slow by construction on a
/// stored account with a busy year of signals (the golden cases alone would not show it).
public abstract class RuleCostBudgetPublish<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private string ReadRules(string file) => File.ReadAllText(Path.Combine(app.RulesFolder, file));

    [Fact]
    public async Task RefusesThePublishNamingTheRuleAndItsCostAndKeepsTheLiveVersionGivenATinyLimit()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var live = await ScoredAccounts.LiveVersionAsync(app);
        var original = ReadRules("tiers.json");

        var response = await WithLimitAsync(0.0001, () => ops.PutAsync("/api/rules/tiers.json", Json(ScoredAccounts.LowerTier1Threshold(original))));

        var body = await response.ProblemAsync(422);
        var problems = body.GetProperty("problems").EnumerateArray().ToList();
        var problem = problems.First(p => p.GetProperty("message").GetString()!.Contains(" ms per account"));
        var rule = problem.GetProperty("rule").GetString()!;
        Assert.Matches($"^rule {rule} costs [\\d.,]+ ms per account; the limit is 0\\.0001 ms$", problem.GetProperty("message").GetString());
        Assert.True(problem.GetProperty("line").GetInt32() > 0);
        var file = problem.GetProperty("file").GetString()!;
        // At the rule's expression: the rule's own line, or the next ones where the file spreads a rule over lines.
        var lines = File.ReadAllLines(Path.Combine(app.RulesFolder, file));
        var ruleLine = Array.FindIndex(lines, l => l.Contains($"\"RuleName\": \"{rule}\"", StringComparison.Ordinal)) + 1;
        Assert.InRange(problem.GetProperty("line").GetInt32(), ruleLine, ruleLine + 3);
        Assert.Contains("\"Expression\"", lines[problem.GetProperty("line").GetInt32() - 1]);
        Assert.Contains("not published", body.GetProperty("title").GetString());
        Assert.Equal(live, await ScoredAccounts.LiveVersionAsync(app));
        Assert.Equal(original, ReadRules("tiers.json"));
        var versions = JsonDocument.Parse(await ops.GetStringAsync("/api/rules/versions")).RootElement;
        Assert.Contains(versions.EnumerateArray(), v => v.GetProperty("status").GetString() == "Rejected" &&
            v.GetProperty("messages").EnumerateArray().Any(m => m.GetString()!.Contains($"rule {rule} costs")));
    }

    [Fact]
    public async Task ValidateNamesTheCostGivenATinyLimit()
    {
        var response = await WithLimitAsync(0.0001, () => app.ClientAs(UserRole.Ops).PostAsync("/api/rules/tiers/validate", Json(ReadRules("tiers.json"))));

        var body = await response.ProblemAsync(422);
        Assert.Contains(body.GetProperty("problems").EnumerateArray(), p => p.GetProperty("message").GetString()!.EndsWith("the limit is 0.0001 ms"));
    }

    [Fact]
    public async Task AcceptsThePublishGivenTheDefaultLimits()
    {
        var original = ReadRules("triggers.json");

        var response = await app.ClientAs(UserRole.Ops).PutAsync("/api/rules/triggers.json", Json(original.Replace("\"reason\"", " \"reason\"")));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefusesARulePairingEverySignalAtTheDefaultLimitGivenABusyStoredAccount()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees\nbusy-1,Busy One,Fintech,300\n")).ReadAsync<Api.ImportResult>();
        string[] types = ["page_visit", "email_open", "email_reply", "meeting_booked"];
        foreach (var chunk in Enumerable.Range(0, 1500).Chunk(500))
        {
            await (await ops.PostJsonAsync("/api/signals?wait=30", chunk.Select(i => new
            {
                id = $"busy-{i}", accountId = "busy-1", type = types[i % types.Length], occurredAt = AppFixture.Start - TimeSpan.FromHours(i * 5),
                properties = new { contact = $"c{i % 7}" },
            }).ToArray())).ReadAsync<Api.ImportResult>();
        }
        var live = await ScoredAccounts.LiveVersionAsync(app);
        // The golden cases have a few signals each, so they pass and cost little; the stored account has 1,500.
        var pairwise = ReadRules("tiers.json").Replace("\"score.Composite >= 80\"",
            JsonSerializer.Serialize("signals.All.Count(a => signals.All.Count(b => b.OccurredAt < a.OccurredAt) > 100) > 0 || score.Composite >= 80"));

        var response = await ops.PutAsync("/api/rules/tiers.json", Json(pairwise));

        var body = await response.ProblemAsync(422);
        var problem = Assert.Single(body.GetProperty("problems").EnumerateArray());
        Assert.Equal(("tiers.json", "Tier1Threshold"), (problem.GetProperty("file").GetString(), problem.GetProperty("rule").GetString()));
        Assert.Matches("^rule Tier1Threshold costs (more than )?[\\d.,]+ ms per account.*; the limit is 1 ms$", problem.GetProperty("message").GetString());
        Assert.Equal(live, await ScoredAccounts.LiveVersionAsync(app));
    }

    /// The options object is the app's singleton (this class has its own app): the limit is changed for one call and put back.
    private async Task<T> WithLimitAsync<T>(double milliseconds, Func<Task<T>> call)
    {
        var options = app.Factory.Services.GetRequiredService<RuleCostOptions>();
        var kept = options.MillisecondsPerAccount;
        options.MillisecondsPerAccount = milliseconds;
        try
        {
            return await call();
        }
        finally
        {
            options.MillisecondsPerAccount = kept;
        }
    }
}

public sealed class RuleCostBudgetPublishOnSqlite(SqliteApp app) : RuleCostBudgetPublish<SqliteApp>(app);

public sealed class RuleCostBudgetPublishOnPostgres(PostgresApp app) : RuleCostBudgetPublish<PostgresApp>(app);
