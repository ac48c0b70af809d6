using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Reviews;

/// Review mode off (the default): a score-driven demotion happens at once, with its playbooks, and nothing is proposed.
public sealed class TierReviewOff(TierReviewOffOnSqlite app) : IClassFixture<TierReviewOffOnSqlite>
{
    [Fact]
    public async Task ReviewModeOffDemotesAtOnceAsToday()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            "off-1,Account off-1,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
        var now = app.Clock.GetUtcNow();
        var day = TimeSpan.FromDays(1);
        await (await ops.PostJsonAsync("/api/signals?wait=30", new object[]
        {
            new { id = "off-1-p1", accountId = "off-1", type = "page_visit", occurredAt = now - day, properties = new { page = "/pricing" } },
            new { id = "off-1-p2", accountId = "off-1", type = "page_visit", occurredAt = now - 2 * day, properties = new { page = "/pricing" } },
            new { id = "off-1-r0", accountId = "off-1", type = "email_reply", occurredAt = now - 3 * day },
        })).ReadAsync<Api.ImportResult>();
        Assert.Equal("Tier2", await TierAsync());

        app.Clock.Advance(TimeSpan.FromDays(40));
        await (await ops.PostJsonAsync("/api/signals?wait=30", new object[]
        {
            new { id = "off-1-blog", accountId = "off-1", type = "page_visit", occurredAt = app.Clock.GetUtcNow(), properties = new { page = "/blog" } },
        })).ReadAsync<Api.ImportResult>();

        Assert.Equal("Tier3", await TierAsync());
        var change = await app.WithDbAsync(db => db.TierChanges.Where(c => c.AccountId == "off-1").OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal(("Tier2", "Tier3", "score", null), (change.FromTier, change.ToTier, change.Kind, change.ApprovedBy));
        Assert.Equal([TierReviewApp.Tier3Playbook], await app.WithDbAsync(db => db.PlaybookInstances
            .Where(i => i.AccountId == "off-1" && i.EndedAt == null).Select(i => i.DefinitionId).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.TierProposals.AnyAsync()));
        var listed = await (await app.ClientAs(UserRole.Manager).GetAsync("/api/tier-review/proposals")).ReadAsync<Listed>();
        Assert.False(listed.ReviewEnabled);
    }

    private Task<string> TierAsync() => app.WithDbAsync(db => db.AccountScores.Where(s => s.AccountId == "off-1").Select(s => s.Tier).SingleAsync());

    private sealed record Listed(bool ReviewEnabled, int Total);
}
