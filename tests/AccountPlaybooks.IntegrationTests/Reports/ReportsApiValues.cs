using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using static AccountPlaybooks.IntegrationTests.Reports.ReportsData;

namespace AccountPlaybooks.IntegrationTests.Reports;

/// Each report on a small data set whose answers are worked out by hand (in the comments), as JSON and as CSV.
/// Now is Tuesday 2026-11-24 09:00 UTC; the default range is the 30 days before.
public abstract class ReportsApiValues<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    private async Task<HttpClient> ManagerAsync()
    {
        await SeedOnceAsync();
        return app.ClientAs(UserRole.Manager);
    }

    [Fact]
    public async Task TierDistributionCountsTieredAccountsInRuleOrder()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/tier-distribution")).ReadAsync<List<TierRow>>();

        Assert.Equal(
        [
            new TierRow("Tier1", 1, 4, 57.1, 84.3, 1, 0), // a1 85, a2 90, a3 82, a4 80.2 (unowned)
            new TierRow("Tier2", 2, 1, 14.3, 60, 0, 0),
            new TierRow("Tier3", 3, 1, 14.3, 30, 1, 1),
            new TierRow("Disqualified", 4, 1, 14.3, 10, 1, 0),
        ], rows);
    }

    [Fact]
    public async Task MovementsCountEachDayByCause()
    {
        var rows = await (await (await ManagerAsync()).GetAsync($"/api/reports/movements?from={Iso(Now.AddDays(-7))}&to={Iso(Now)}"))
            .ReadAsync<List<MovementRow>>();

        Assert.Equal(Enumerable.Range(17, 8).Select(d => new DateOnly(2026, 11, d)), rows.Select(r => r.Start));
        Assert.Equal(new MovementRow(new DateOnly(2026, 11, 19), 0, 1, 0, 1, 0, 2), rows.Single(r => r.Start.Day == 19)); // a5 down, a2 new rules
        Assert.Equal(new MovementRow(new DateOnly(2026, 11, 21), 0, 0, 1, 0, 0, 1), rows.Single(r => r.Start.Day == 21)); // a1 trigger
        Assert.Equal(3, rows.Sum(r => r.Total));
    }

    [Fact]
    public async Task MovementsByWeekStartOnMondayAndCoverTheDefaultRange()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/movements?interval=week")).ReadAsync<List<MovementRow>>();

        // 2026-10-25 09:00 .. 2026-11-24 09:00: the weeks of Mondays 10-19 .. 11-23.
        Assert.Equal([new(2026, 10, 19), new(2026, 10, 26), new(2026, 11, 2), new(2026, 11, 9), new(2026, 11, 16), new(2026, 11, 23)],
            rows.Select(r => r.Start));
        Assert.Equal(new MovementRow(new DateOnly(2026, 11, 2), 0, 0, 0, 0, 6, 6), rows[2]); // first tiers on 11-04 (a3's was 40 days ago)
        Assert.Equal(new MovementRow(new DateOnly(2026, 11, 9), 1, 0, 0, 0, 0, 1), rows[3]); // a1 Tier3 → Tier2 on 11-14
        Assert.Equal(new MovementRow(new DateOnly(2026, 11, 16), 0, 1, 1, 1, 0, 3), rows[4]);
    }

    [Fact]
    public async Task MovementsOfOneTierOnlyCountMovesIntoOrOutOfIt()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/movements?interval=week&tier=Tier3")).ReadAsync<List<MovementRow>>();

        Assert.Equal((2, 1), (rows.Sum(r => r.NewlyTiered), rows.Sum(r => r.Promotions))); // a1 and a6 entered Tier 3; a1 left it
        Assert.Equal(3, rows.Sum(r => r.Total));
    }

    [Fact]
    public async Task TimeInTierGivesMedianAndP75ForCurrentAccountsAndEndedStays()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/time-in-tier")).ReadAsync<List<TimeInTierRow>>();

        // Tier 1 now: 3, 5, 20, 40 days. Left Tier 1: a5 after 15 days. Left Tier 2: a1 after 7, a2 after 15. Left Tier 3: a1 after 10.
        Assert.Equal(new TimeInTierRow("Tier1", 1, 4, 12.5, 25, 1, 15, 15), rows[0]);
        Assert.Equal(new TimeInTierRow("Tier2", 2, 1, 5, 5, 2, 11, 13), rows[1]);
        Assert.Equal(new TimeInTierRow("Tier3", 3, 1, 20, 20, 1, 10, 10), rows[2]);
        Assert.Equal(new TimeInTierRow("Disqualified", 4, 1, 20, 20, 0, null, null), rows[3]);
    }

    [Fact]
    public async Task SlaAttainmentByRepCountsMetBreachedAndOpen()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/sla-attainment")).ReadAsync<List<SlaRow>>();

        Assert.Equal(
        [
            new SlaRow("rp-ae-1", "Ada AE", null, null, 3, 1, 1, 1, 50), // t4 met, t3 breached, t5 open
            new SlaRow("queue:unassigned", "Queue unassigned", null, null, 1, 0, 1, 0, 0),
            new SlaRow(app.RepRepId, "Ravi AE", null, null, 3, 1, 2, 0, 33.3), // t9 completed late counts as breached
        ], rows);
    }

    [Fact]
    public async Task SlaAttainmentByPlaybookAndByBoth()
    {
        var manager = await ManagerAsync();

        var byPlaybook = await (await manager.GetAsync("/api/reports/sla-attainment?by=playbook")).ReadAsync<List<SlaRow>>();
        var both = await (await manager.GetAsync("/api/reports/sla-attainment?by=rep-playbook")).ReadAsync<List<SlaRow>>();

        Assert.Equal([("signal-response", 1, 1, 0, 0, (double?)100), ("tier1-priority", 6, 1, 4, 1, 20)],
            byPlaybook.Select(r => (r.PlaybookId!, r.Tasks, r.Met, r.Breached, r.Open, r.AttainmentPercent)));
        Assert.All(byPlaybook, r => Assert.Null(r.Assignee));
        Assert.Equal(4, both.Count);
        Assert.Equal((2, 0, 1, 1, (double?)0), both.Where(r => r is { Assignee: "rp-ae-1", PlaybookId: "tier1-priority" })
            .Select(r => (r.Tasks, r.Met, r.Breached, r.Open, r.AttainmentPercent)).Single());
    }

    [Fact]
    public async Task CoverageComparesTier1LoadWithCapacityAndCountsUnownedAccounts()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/coverage")).ReadAsync<List<CoverageRow>>();

        Assert.Equal(
        [
            new CoverageRow(app.RepRepId, "Ravi AE", "AE", "East", 0, 30, 0, 1, false),
            new CoverageRow("rp-sdr-1", "Sam SDR", "SDR", "East", 1, 50, 2, 1, false),
            new CoverageRow("rp-ae-1", "Ada AE", "AE", "West", 3, 2, 150, 3, false),
            new CoverageRow("rp-user-1", "rp-user-1", null, null, 0, null, null, 1, false), // owner id of a rep since removed
            new CoverageRow(null, "No owner", null, null, 1, null, null, 4, false), // a4 (Tier 1), a6, a7 and a8 (not tiered yet)
        ], rows);
    }

    [Fact]
    public async Task SlaBreachHeatmapPlacesEachDeadlineOnTheAssigneesWeekday()
    {
        var cells = await (await (await ManagerAsync()).GetAsync("/api/reports/sla-breaches")).ReadAsync<List<HeatCell>>();

        Assert.Equal(3 * 7, cells.Count);
        Assert.Equal(["respond", "email", "research"], cells.Select(c => c.NodeId).Distinct());
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], cells.Take(7).Select(c => c.Weekday));
        string Cell(string node, string day) => cells.Single(c => c.NodeId == node && c.Weekday == day) is var c ? $"{c.Due}/{c.Breached}/{c.BreachPercent}" : "";
        // Ada is in Los Angeles: 01:00 UTC Saturday is Friday 17:00 there; Ravi and the queue are on UTC.
        Assert.Equal("2/1/50", Cell("research", "Friday"));
        Assert.Equal("0/0/", Cell("research", "Saturday"));
        Assert.Equal("1/0/0", Cell("research", "Tuesday"));
        Assert.Equal("1/1/100", Cell("research", "Wednesday"));
        Assert.Equal("1/1/100", Cell("email", "Thursday"));
        Assert.Equal("1/0/0", Cell("respond", "Monday"));
        Assert.Equal(4, cells.Sum(c => c.Breached));
    }

    [Fact]
    public async Task QuietAccountsListsTier1AccountsWithoutASignalOrWorkedTaskQuietestFirst()
    {
        var rows = await (await (await ManagerAsync()).GetAsync("/api/reports/quiet-accounts")).ReadAsync<List<QuietRow>>();

        // rp-a2 had a task worked 16 hours ago; the others were never heard from nor touched: quiet since they entered Tier 1.
        Assert.Equal(
        [
            new QuietRow("rp-a3", "Tier1", 82, "Ada AE", null, null, null, 40, 1),
            new QuietRow("rp-a4", "Tier1", 80.2, null, null, null, null, 20, 1),
            new QuietRow("rp-a1", "Tier1", 85, "Ada AE", "Sam SDR", null, null, 3, 1),
        ], rows);
    }

    [Fact]
    public async Task QuietAccountsOfAnotherTierCountFromTheLastWorkedTask()
    {
        var manager = await ManagerAsync();

        var quiet = await (await manager.GetAsync("/api/reports/quiet-accounts?tier=Tier2&days=3")).ReadAsync<List<QuietRow>>();
        var lately = await (await manager.GetAsync("/api/reports/quiet-accounts?tier=Tier2&days=4")).ReadAsync<List<QuietRow>>();

        // rp-a5's last worked task was done on the 20th at 18:00, 3.6 days ago (a cancelled one does not count).
        Assert.Equal([new QuietRow("rp-a5", "Tier2", 60, "Ravi AE", null, null, new DateTime(2026, 11, 20, 18, 0, 0, DateTimeKind.Utc), 3, 0)], quiet);
        Assert.Empty(lately);
    }

    [Fact]
    public async Task PipelineCountsDealsByTheTierTheirAccountHadWhenTheyOpened()
    {
        var manager = await ManagerAsync();

        var byTier = await (await manager.GetAsync("/api/reports/pipeline")).ReadAsync<List<PipelineRow>>();
        var bySegment = await (await manager.GetAsync("/api/reports/pipeline?by=segment")).ReadAsync<List<PipelineRow>>();

        Assert.Equal(
        [
            new PipelineRow("Tier1", 1, null, 2, 30000, 1, 20000, 0, 100),
            new PipelineRow("Tier2", 2, null, 0, 0, 0, 0, 1, 0),
            new PipelineRow("Tier3", 3, null, 1, 50000, 1, 48000, 0, 100),
        ], byTier);
        Assert.Equal([new PipelineRow(null, null, "(no segment)", 3, 80000, 2, 68000, 1, 66.7)], bySegment);
    }

    [Theory]
    [InlineData("tier-distribution", "tier,rank,accounts,percent,averageScore,withoutOwner,flaggedForReview", "Tier1,1,4,57.1,84.3,1,0")]
    [InlineData("movements?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z", "start,promotions,demotions,triggers,rulesetChanges,newlyTiered,total", "2026-11-21,0,0,1,0,0,1")]
    [InlineData("time-in-tier", "tier,rank,accounts,medianDays,p75Days,exited,exitedMedianDays,exitedP75Days", "Tier1,1,4,12.5,25,1,15,15")]
    [InlineData("sla-attainment?by=playbook", "assignee,assigneeName,playbookId,playbook,tasks,met,breached,open,attainmentPercent", ",,signal-response,signal-response,1,1,0,0,100")]
    [InlineData("coverage", "repId,name,role,team,tier1Accounts,tier1Capacity,loadPercent,accounts,outOfOffice", "rep-ravi-ae,Ravi AE,AE,East,0,30,0,1,false")]
    [InlineData("sla-breaches", "playbookId,playbook,nodeId,weekday,due,breached,breachPercent", "signal-response,signal-response,respond,Monday,1,0,0")]
    [InlineData("quiet-accounts", "accountId,name,tier,composite,tierSince,aeOwner,sdrOwner,lastSignalAt,lastTouchAt,quietDays,openTasks",
        "rp-a3,Account rp-a3,Tier1,82,2026-10-15T09:00:00Z,Ada AE,,,,40,1")]
    public async Task AnswersTheSameRowsAsCsvGivenFormatCsv(string report, string header, string firstRow)
    {
        var manager = await ManagerAsync();
        var separator = report.Contains('?') ? '&' : '?';

        var response = await manager.GetAsync($"/api/reports/{report}{separator}format=csv");
        var json = await (await manager.GetAsync($"/api/reports/{report}")).ReadAsync<List<System.Text.Json.JsonElement>>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString());
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes.Take(3)); // a BOM, for spreadsheets
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.Equal(json.Count, lines.Length - 1);
        Assert.Equal(firstRow, lines[1]);
    }

    [Fact]
    public async Task AnswersCsvGivenAcceptTextCsvAndNamesTheFileAfterTheRange()
    {
        var manager = await ManagerAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/movements?from={Iso(Now.AddDays(-7))}&to={Iso(Now)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await manager.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("movements-2026-11-17-to-2026-11-24.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("2026-11-19,0,1,0,1,0,2", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("movements?interval=month", "interval")]
    [InlineData("movements?from=2026-11-24&to=2026-11-01", "from")]
    [InlineData("time-in-tier?from=2025-01-01&to=2026-11-01", "from")]
    [InlineData("sla-attainment?by=team", "by")]
    [InlineData("coverage?format=xlsx", "format")]
    [InlineData("quiet-accounts?tier=Tier9", "tier")]
    [InlineData("quiet-accounts?days=0", "days")]
    [InlineData("pipeline?by=rep", "by")]
    public async Task NamesTheBadParameter(string report, string field)
    {
        var problem = await (await (await ManagerAsync()).GetAsync($"/api/reports/{report}")).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("tier-distribution")]
    [InlineData("movements")]
    [InlineData("time-in-tier")]
    [InlineData("sla-attainment")]
    [InlineData("coverage")]
    [InlineData("sla-breaches")]
    [InlineData("quiet-accounts")]
    [InlineData("pipeline")]
    public async Task RefusesRepsAndAnswersOpsAndAdmins(string report)
    {
        await SeedOnceAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).GetAsync($"/api/reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(UserRole.Rep).GetAsync($"/api/reports/{report}?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync($"/api/reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs(UserRole.Ops).GetAsync($"/api/reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientAs(UserRole.Admin).GetAsync($"/api/reports/{report}")).StatusCode);
    }

    private static string Iso(DateTime time) => Uri.EscapeDataString(time.ToString("O"));

    private async Task SeedOnceAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (await app.WithDbAsync(db => Task.FromResult(db.Accounts.Any(a => a.Id == "rp-a1"))))
            {
                return;
            }
            await WaitForStartupEvaluationAsync(app);
            await SaveAsync(app, db => Seed(db, app.RepRepId));
        }
        finally
        {
            Seeding.Release();
        }
    }

    private static void Seed(Data.AppDbContext db, string ravi)
    {
        DateTime Ago(double days) => Now.AddDays(-days);
        db.Reps.AddRange(Rep("rp-ae-1", "Ada AE", RepRole.AE, "West", capacity: 2, timeZone: "America/Los_Angeles"),
            Rep("rp-sdr-1", "Sam SDR", RepRole.SDR, "East", capacity: 50, timeZone: "Europe/Berlin"));
        // rp-user-1 names no rep (a rep removed since): listed by its id, after the teams.
        db.Accounts.AddRange(Account("rp-a1", ae: "rp-ae-1", sdr: "rp-sdr-1"), Account("rp-a2", ae: "rp-ae-1"), Account("rp-a3", ae: "rp-ae-1"),
            Account("rp-a4"), Account("rp-a5", ae: ravi), Account("rp-a6"), Account("rp-a7"), Account("rp-a8"), Account("rp-a9", ae: "rp-user-1"));
        db.AccountScores.AddRange(Score("rp-a1", "Tier1", 85, Ago(3)), Score("rp-a2", "Tier1", 90, Ago(5)), Score("rp-a3", "Tier1", 82, Ago(40)),
            Score("rp-a4", "Tier1", 80.2, Ago(20)), Score("rp-a5", "Tier2", 60, Ago(5)), Score("rp-a6", "Tier3", 30, Ago(20), reviewFlag: "check"),
            Score("rp-a7", "Disqualified", 10, Ago(20)));
        db.TierChanges.AddRange(
            Change("rp-a1", null, "Tier3", Ago(20), "first-evaluation"), Change("rp-a1", "Tier3", "Tier2", Ago(10), "score"),
            Change("rp-a1", "Tier2", "Tier1", Ago(3), "trigger"),
            Change("rp-a2", null, "Tier2", Ago(20), "first-evaluation"), Change("rp-a2", "Tier2", "Tier1", Ago(5), "rules-changed"),
            Change("rp-a3", null, "Tier1", Ago(40), "first-evaluation"),
            Change("rp-a4", null, "Tier1", Ago(20), "first-evaluation"),
            Change("rp-a5", null, "Tier1", Ago(20), "first-evaluation"), Change("rp-a5", "Tier1", "Tier2", Ago(5), "score"),
            Change("rp-a6", null, "Tier3", Ago(20), "first-evaluation"), Change("rp-a7", null, "Disqualified", Ago(20), "first-evaluation"));
        DateTime At(int day, int hour) => new(2026, 11, day, hour, 0, 0, DateTimeKind.Utc);
        db.Tasks.AddRange(
            SlaTask("rp-t1", "rp-a5", ravi, "tier1-priority", "research", At(20, 15), completed: At(20, 14)),
            SlaTask("rp-t2", "rp-a5", ravi, "tier1-priority", "email", At(20, 16), completed: At(20, 18), breached: At(20, 16).AddMinutes(1)),
            SlaTask("rp-t3", "rp-a1", "rp-ae-1", "tier1-priority", "research", At(21, 1), breached: At(21, 1).AddMinutes(1)),
            SlaTask("rp-t4", "rp-a2", "rp-ae-1", "signal-response", "respond", At(23, 18), completed: At(23, 17)),
            SlaTask("rp-t5", "rp-a3", "rp-ae-1", "tier1-priority", "research", At(24, 8)),
            SlaTask("rp-t6", "rp-a4", null, "tier1-priority", "research", At(18, 12), breached: At(18, 12), queue: "unassigned"),
            SlaTask("rp-t7", "rp-a5", ravi, "tier1-priority", "research", At(20, 15), status: OutreachTaskStatus.Cancelled),
            SlaTask("rp-t8", "rp-a5", ravi, "tier1-priority", "research", Ago(40), completed: Ago(40)),
            SlaTask("rp-t9", "rp-a5", ravi, "tier1-priority", "email", At(19, 10), completed: At(19, 11)),
            SlaTask("rp-t10", "rp-a5", ravi, "tier1-priority", "linkedin", null, completed: At(20, 11)));
        // o1 opened while rp-a1 was in Tier 3 and was won after it reached Tier 1; o2 opened before the range, while
        // rp-a2 was not tiered yet (it counts in its first tier, Tier 2), and was lost; o3 won and o4 open in Tier 1.
        db.Signals.AddRange(
            Deal("rp-d1", "rp-a1", "deal_created", Ago(12), "o1", "50000"), Deal("rp-d2", "rp-a1", "deal_won", Ago(1), "o1", "48,000"),
            Deal("rp-d3", "rp-a2", "deal_created", Ago(40), "o2", "$30,000"), Deal("rp-d4", "rp-a2", "deal_lost", Ago(2), "o2"),
            Deal("rp-d5", "rp-a3", "deal_created", Ago(10), "o3", "20000"), Deal("rp-d6", "rp-a3", "deal_won", Ago(4), "o3", "20000"),
            Deal("rp-d7", "rp-a3", "deal_created", Ago(6), "o4", "10,000"));
    }

    private sealed record TierRow(string Tier, int? Rank, int Accounts, double Percent, double? AverageScore, int WithoutOwner, int FlaggedForReview);

    private sealed record MovementRow(DateOnly Start, int Promotions, int Demotions, int Triggers, int RulesetChanges, int NewlyTiered, int Total);

    private sealed record TimeInTierRow(string Tier, int? Rank, int Accounts, double? MedianDays, double? P75Days, int Exited,
        double? ExitedMedianDays, double? ExitedP75Days);

    private sealed record SlaRow(string? Assignee, string? AssigneeName, string? PlaybookId, string? Playbook, int Tasks, int Met, int Breached,
        int Open, double? AttainmentPercent);

    private sealed record CoverageRow(string? RepId, string Name, string? Role, string? Team, int Tier1Accounts, int? Tier1Capacity,
        double? LoadPercent, int Accounts, bool OutOfOffice);

    private sealed record PipelineRow(string? Tier, int? Rank, string? Segment, int Opened, decimal OpenedAmount, int Won, decimal WonAmount, int Lost,
        double? WinRatePercent);

    private sealed record QuietRow(string AccountId, string Tier, double Composite, string? AeOwner, string? SdrOwner, DateTime? LastSignalAt,
        DateTime? LastTouchAt, int QuietDays, int OpenTasks);

    private sealed record HeatCell(string? PlaybookId, string Playbook, string NodeId, string Weekday, int Due, int Breached, double? BreachPercent);
}

public sealed class ReportsApiValuesOnSqlite(SqliteApp app) : ReportsApiValues<SqliteApp>(app);

public sealed class ReportsApiValuesOnPostgres(PostgresApp app) : ReportsApiValues<PostgresApp>(app);
