using System.Net;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

public abstract class RulesApiScoreDistribution<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task CountsTodaysCompositesPerTierGivenScoredAccounts()
    {
        await ScoredAccounts.ImportAsync(app);

        var report = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/rules/score-distribution")).ReadAsync<ScoreDistributionReport>();

        Assert.Equal(await ScoredAccounts.LiveVersionAsync(app), report.LiveVersion);
        Assert.Equal((3, 0, 0), (report.Accounts, report.Unscored, report.OnOtherVersions));
        Assert.Equal([new ScoreCount(35.5, "Tier3", 2), new ScoreCount(50.5, "Tier2", 1)], report.Scores);
        Assert.Equal(AppFixture.Start.UtcDateTime, report.EvaluatedAt);
    }

    [Fact]
    public async Task Answers403GivenRep()
    {
        var response = await app.ClientAs(UserRole.Rep).GetAsync("/api/rules/score-distribution");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}

public sealed class RulesApiScoreDistributionOnSqlite(SqliteApp app) : RulesApiScoreDistribution<SqliteApp>(app);

public sealed class RulesApiScoreDistributionOnPostgres(PostgresApp app) : RulesApiScoreDistribution<PostgresApp>(app);
