using System.Text.Json;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// Ops edit the Tier 1 threshold in the rules folder while the server runs: the accounts move within seconds,
/// with no restart, and each tier change names the new ruleset version and its cause.
public abstract class RulesHotReload<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task MovesAccountsWithinSecondsGivenSavedThresholdChange()
    {
        await ScoredAccounts.ImportAsync(app);
        Assert.Equal("Tier2", await ScoredAccounts.TierAsync(app, "fit-1"));
        var before = await ScoredAccounts.LiveVersionAsync(app);

        var tiers = Path.Combine(app.RulesFolder, "tiers.json");
        await File.WriteAllTextAsync(tiers, ScoredAccounts.LowerTier1Threshold(await File.ReadAllTextAsync(tiers)));

        await Eventually.GetAsync(() => ScoredAccounts.TierAsync(app, "fit-1"), tier => tier == "Tier1", "fit-1 moves to Tier1");
        var version = await ScoredAccounts.LiveVersionAsync(app);
        Assert.NotEqual(before, version);
        var change = (await ScoredAccounts.DetailAsync(app, "fit-1")).GetProperty("tierHistory")[0];
        Assert.Equal(("Tier2", "Tier1", "rules-changed", version), (change.GetProperty("fromTier").GetString(), change.GetProperty("toTier").GetString(),
            change.GetProperty("kind").GetString(), change.GetProperty("rulesetVersion").GetString()));
        Assert.Equal(["Tier1Threshold"], change.GetProperty("causeRules").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("fit-1-pricing-1", change.GetProperty("causeSignalIds").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Tier3", await ScoredAccounts.TierAsync(app, "fit-2"));
        var health = JsonDocument.Parse(await app.AnonymousClient().GetStringAsync("/health")).RootElement;
        Assert.Contains(version, health.GetProperty("checks").GetProperty("rules").GetProperty("description").GetString());
    }
}

public sealed class RulesHotReloadOnSqlite(SqliteApp app) : RulesHotReload<SqliteApp>(app);

public sealed class RulesHotReloadOnPostgres(PostgresApp app) : RulesHotReload<PostgresApp>(app);
