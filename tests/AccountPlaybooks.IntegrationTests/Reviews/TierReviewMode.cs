using System.Net;
using AccountPlaybooks.Domain.Audit;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Reviews;

/// Review mode (docs/adr/0037): a score-driven demotion does not happen by itself — the account keeps its tier and its
/// playbooks while its scores keep updating, and a manager's approval makes the move with its original cause.
/// Every test leaves no proposal pending, so the bulk test's "all pending" sees only its own.
public abstract class TierReviewMode<TApp>(TApp app) : IClassFixture<TApp> where TApp : TierReviewApp
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task InReviewModeAScoreDrivenDemotionWaitsForAManagerAndTheApprovalMovesTheAccountWithItsCause()
    {
        await EnterTier2Async("rv-wait");
        Assert.Equal([TierReviewApp.Tier2Playbook], await RunningAsync("rv-wait"));

        await FadeAsync("rv-wait"); // 40 days on, the pricing visits and the reply are out of their windows
        var score = await ScoreAsync("rv-wait");
        Assert.Equal("Tier2", score.Tier); // kept...
        Assert.True(score.Composite < 45, $"the composite kept updating (now {score.Composite})");
        Assert.Equal([TierReviewApp.Tier2Playbook], await RunningAsync("rv-wait")); // ...with its playbook running
        var proposal = await PendingAsync("rv-wait");
        Assert.Equal(("Tier2", "Tier3", "score"), (proposal.FromTier, proposal.ToTier, proposal.Kind));
        Assert.Equal(["Everyone"], proposal.CauseRules);
        Assert.Equal(score.Composite, proposal.Composite);
        Assert.Equal(score.Reasons, proposal.Reasons);

        var listed = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/tier-review/proposals?fromTier=Tier2")).ReadAsync<Page>();
        var item = Assert.Single(listed.Items, p => p.AccountId == "rv-wait");
        Assert.Equal(("Account rv-wait", "demotion", "pending"), (item.AccountName, item.Direction, item.Status));
        Assert.True(listed.Counts["pending"] >= 1);

        var review = await (await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/tier-review/proposals/{proposal.Id}/approve",
            new { note = "quarterly review" })).ReadAsync<Review>();
        Assert.Equal((1, 0, 0), (review.Approved, review.Rejected, review.Skipped));

        Assert.Equal("Tier3", (await ScoreAsync("rv-wait")).Tier);
        var change = await app.WithDbAsync(db => db.TierChanges.Where(c => c.AccountId == "rv-wait").OrderByDescending(c => c.Id).FirstAsync());
        Assert.Equal(("Tier2", "Tier3", "score", "manager@example.test"), (change.FromTier, change.ToTier, change.Kind, change.ApprovedBy));
        Assert.Equal(proposal.CauseRules, change.CauseRules);
        Assert.Equal(proposal.CauseSignalIds, change.CauseSignalIds);
        Assert.Equal([TierReviewApp.Tier3Playbook], await RunningAsync("rv-wait")); // the Tier 2 play ended, the Tier 3 play started
        var decided = await app.WithDbAsync(db => db.TierProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal((TierProposalStatus.Approved, "manager@example.test", "quarterly review", review.Id),
            (decided.Status, decided.DecidedBy, decided.Note, decided.ReviewId));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Kind == AuditKinds.TierReview && e.Actor == "manager@example.test")));

        // Decided once: a second approval is refused, naming why.
        var again = await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/tier-review/proposals/{proposal.Id}/approve", new { });
        Assert.Contains("already approved", (await again.ProblemAsync(409)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARejectionKeepsTheTierAndTheSameMoveIsNotProposedAgain()
    {
        await EnterTier2Async("rv-reject");
        await FadeAsync("rv-reject");
        var proposal = await PendingAsync("rv-reject");

        var review = await (await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/tier-review/proposals/{proposal.Id}/reject",
            new { note = "renewal talks" })).ReadAsync<Review>();
        Assert.Equal((0, 1), (review.Approved, review.Rejected));
        Assert.Equal("Tier2", (await ScoreAsync("rv-reject")).Tier);
        Assert.Equal([TierReviewApp.Tier2Playbook], await RunningAsync("rv-reject"));

        // The next evaluation sees the same demotion: the manager is not asked again, and the tier stays.
        app.Clock.Advance(Day);
        await SignalAsync("rv-reject", "/blog");
        var score = await ScoreAsync("rv-reject");
        Assert.True(score.Composite < 45, $"the rules still want the demotion (composite {score.Composite})");
        Assert.Equal("Tier2", score.Tier);
        Assert.False(await app.WithDbAsync(db => db.TierProposals.AnyAsync(p => p.AccountId == "rv-reject" && p.Status == TierProposalStatus.Pending)));
    }

    [Fact]
    public async Task BulkApprovalMovesEveryPendingProposalMatchingTheFilterInOneReview()
    {
        string[] ids = ["rv-bulk-1", "rv-bulk-2"];
        foreach (var id in ids)
        {
            await EnterTier2Async(id);
        }
        await FadeAsync(ids);
        var proposals = new List<TierProposal>();
        foreach (var id in ids)
        {
            proposals.Add(await PendingAsync(id));
        }

        var review = await (await app.ClientAs(UserRole.Admin).PostJsonAsync("/api/tier-review/decisions",
            new { decision = "approve", all = true, fromTier = "Tier2", toTier = "Tier3" })).ReadAsync<Review>();
        Assert.Equal((2, 0), (review.Approved, review.Rejected));
        foreach (var id in ids)
        {
            Assert.Equal("Tier3", (await ScoreAsync(id)).Tier);
            Assert.Equal([TierReviewApp.Tier3Playbook], await RunningAsync(id));
        }
        var history = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/tier-review/reviews")).ReadAsync<History>();
        Assert.Contains(history.Items, r => r.Id == review.Id && r.Approved == 2 && r.DecidedBy == "admin@example.test");
        var decided = await app.WithDbAsync(db => db.TierProposals.AsNoTracking().Where(p => ids.Contains(p.AccountId)).ToListAsync());
        Assert.All(decided, p => Assert.Equal((TierProposalStatus.Approved, review.Id), (p.Status, p.ReviewId)));
    }

    [Fact]
    public async Task AProposalIsWithdrawnWhenTheScoreRecovers()
    {
        await EnterTier2Async("rv-recover");
        await FadeAsync("rv-recover");
        var proposal = await PendingAsync("rv-recover");

        await TouchAsync("rv-recover", app.Clock.GetUtcNow()); // fresh pricing visits and a reply: back at 50.5, in Tier 2
        var withdrawn = await app.WithDbAsync(db => db.TierProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id));
        Assert.Equal(TierProposalStatus.Withdrawn, withdrawn.Status);
        Assert.False(await app.WithDbAsync(db => db.TierProposals.AnyAsync(p => p.AccountId == "rv-recover" && p.Status == TierProposalStatus.Pending)));
        Assert.Equal("Tier2", (await ScoreAsync("rv-recover")).Tier);

        var refused = await app.ClientAs(UserRole.Manager).PostJsonAsync($"/api/tier-review/proposals/{proposal.Id}/approve", new { });
        Assert.Contains("already withdrawn", (await refused.ProblemAsync(409)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARepCannotDecideAndBadDecisionsAreNamed()
    {
        await EnterTier2Async("rv-rep");
        await FadeAsync("rv-rep");
        var proposal = await PendingAsync("rv-rep");

        var rep = app.ClientAs(UserRole.Rep);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJsonAsync($"/api/tier-review/proposals/{proposal.Id}/approve", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJsonAsync("/api/tier-review/decisions", new { decision = "approve", ids = new[] { proposal.Id } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/tier-review/proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Ops).PostJsonAsync($"/api/tier-review/proposals/{proposal.Id}/approve", new { })).StatusCode);
        Assert.Equal("Tier2", (await ScoreAsync("rv-rep")).Tier);

        var manager = app.ClientAs(UserRole.Manager);
        var problem = await (await manager.PostJsonAsync("/api/tier-review/decisions", new { decision = "maybe", ids = new[] { proposal.Id } })).ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("decision", out _));
        problem = await (await manager.PostJsonAsync("/api/tier-review/decisions", new { decision = "approve" })).ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ids", out _));
        problem = await (await manager.GetAsync("/api/tier-review/proposals?status=open")).ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostJsonAsync("/api/tier-review/proposals/987654/approve", new { })).StatusCode);

        await (await manager.PostJsonAsync("/api/tier-review/decisions", new { decision = "reject", ids = new[] { proposal.Id } })).ReadAsync<Review>();
    }

    /// Imported, evaluated into Tier 3 (its playbook starts), then pricing visits and a reply: Tier 2 at once (promotions are not reviewed).
    private async Task EnterTier2Async(string id)
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
        await TouchAsync(id, app.Clock.GetUtcNow());
        Assert.Equal("Tier2", (await ScoreAsync(id)).Tier);
    }

    private async Task TouchAsync(string id, DateTimeOffset now)
    {
        var stamp = now.ToUnixTimeSeconds();
        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30", new object[]
        {
            new { id = $"{id}-p1-{stamp}", accountId = id, type = "page_visit", occurredAt = now - Day, properties = new { page = "/pricing" } },
            new { id = $"{id}-p2-{stamp}", accountId = id, type = "page_visit", occurredAt = now - 2 * Day, properties = new { page = "/pricing" } },
            new { id = $"{id}-r0-{stamp}", accountId = id, type = "email_reply", occurredAt = now - 3 * Day },
        })).ReadAsync<Api.ImportResult>();
    }

    /// 40 days on, one quiet signal each: the evaluation sees the engagement gone (composite 35.5, Tier 3 by score).
    private async Task FadeAsync(params string[] ids)
    {
        app.Clock.Advance(TimeSpan.FromDays(40));
        foreach (var id in ids)
        {
            await SignalAsync(id, "/blog");
        }
    }

    private async Task SignalAsync(string id, string page)
    {
        var now = app.Clock.GetUtcNow();
        await (await app.ClientAs(UserRole.Ops).PostJsonAsync("/api/signals?wait=30", new object[]
        {
            new { id = $"{id}-{page.Trim('/')}-{now.ToUnixTimeSeconds()}", accountId = id, type = "page_visit", occurredAt = now, properties = new { page } },
        })).ReadAsync<Api.ImportResult>();
    }

    private Task<AccountScore> ScoreAsync(string id) => app.WithDbAsync(db => db.AccountScores.AsNoTracking().SingleAsync(s => s.AccountId == id));

    private Task<TierProposal> PendingAsync(string id) => app.WithDbAsync(db =>
        db.TierProposals.AsNoTracking().SingleAsync(p => p.AccountId == id && p.Status == TierProposalStatus.Pending));

    private Task<List<string>> RunningAsync(string id) => app.WithDbAsync(db => db.PlaybookInstances
        .Where(i => i.AccountId == id && i.EndedAt == null).Select(i => i.DefinitionId).OrderBy(d => d).ToListAsync());

    private sealed record Page(List<Item> Items, int Total, Dictionary<string, int> Counts, bool ReviewEnabled);

    private sealed record Item(long Id, string AccountId, string AccountName, string Direction, string Status);

    private sealed record Review(long Id, string DecidedBy, int Approved, int Rejected, int Skipped);

    private sealed record History(List<Review> Items);
}

public sealed class TierReviewModeOnSqlite(TierReviewOnSqlite app) : TierReviewMode<TierReviewOnSqlite>(app);

public sealed class TierReviewModeOnPostgres(TierReviewOnPostgres app) : TierReviewMode<TierReviewOnPostgres>(app);
