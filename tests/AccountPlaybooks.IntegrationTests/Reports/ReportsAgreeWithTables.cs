using System.Text.Json;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Reports;

/// A demo server with its 90 days of history (the data the dashboard shows): every report must agree with what a
/// plain walk over the rows of the tables computes, here in C#, independently of the report queries.
public abstract class ReportsAgreeWithTables<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly string[] Tiers = ["Tier1", "Tier2", "Tier3", "Disqualified"];
    private static DateTime Now => AppFixture.Start.UtcDateTime;

    private async Task<List<Row>> ReportAsync(string path) =>
        (await (await app.ClientAs(UserRole.Manager).GetAsync($"/api/reports/{path}")).ReadAsync<List<JsonElement>>()).ConvertAll(e => new Row(e));

    private Task WaitForHistoryAsync() => Eventually.GetAsync(
        () => app.WithDbAsync(db => db.Tasks.AnyAsync(t => t.Id.StartsWith("demo-h-"))), written => written, "the demo history was written", seconds: 300);

    private static string Range(int days) => $"from={Uri.EscapeDataString(Now.AddDays(-days).ToString("O"))}&to={Uri.EscapeDataString(Now.ToString("O"))}";

    [Fact]
    public async Task MovementsByWeekAgreeWithTheTierHistory()
    {
        await WaitForHistoryAsync();
        var changes = await app.WithDbAsync(db => db.TierChanges.AsNoTracking().Where(c => c.ChangedAt >= Now.AddDays(-90) && c.ChangedAt < Now).ToListAsync());

        var report = await ReportAsync($"movements?interval=week&{Range(90)}");

        var expected = changes.GroupBy(c => Monday(c.ChangedAt)).ToDictionary(g => g.Key, g => (
            Promotions: g.Count(c => c.Kind == "score" && c.FromTier != null && Rank(c.ToTier) < Rank(c.FromTier)),
            Demotions: g.Count(c => c.Kind == "score" && c.FromTier != null && Rank(c.ToTier) > Rank(c.FromTier)),
            Triggers: g.Count(c => c.Kind is "trigger" or "hold" && c.FromTier != null),
            Rules: g.Count(c => c.Kind == "rules-changed" && c.FromTier != null),
            New: g.Count(c => c.FromTier == null)));
        Assert.True(expected.Values.Sum(e => e.Promotions) > 0 && expected.Values.Sum(e => e.Demotions) > 0 && expected.Values.Sum(e => e.Triggers) > 0
                    && expected.Values.Sum(e => e.Rules) > 0, "the demo history lacks a cause");
        foreach (var row in report)
        {
            var week = expected.GetValueOrDefault(DateOnly.Parse(row.Str("start")!));
            Assert.Equal((week.Promotions, week.Demotions, week.Triggers, week.Rules, week.New),
                (row.Int("promotions"), row.Int("demotions"), row.Int("triggers"), row.Int("rulesetChanges"), row.Int("newlyTiered")));
        }
        Assert.Equal(changes.Count, report.Sum(r => r.Int("total")));
    }

    [Fact]
    public async Task SlaAttainmentByRepAndPlaybookAgreesWithTheTasks()
    {
        await WaitForHistoryAsync();
        var tasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.SlaDueAt != null && t.SlaDueAt >= Now.AddDays(-90) && t.SlaDueAt < Now && t.Status != OutreachTaskStatus.Cancelled).ToListAsync());

        var report = await ReportAsync($"sla-attainment?by=rep-playbook&{Range(90)}");

        var expected = tasks.GroupBy(t => (Assignee: t.AssigneeRepId ?? "queue:" + t.Queue, t.PlaybookId)).ToDictionary(g => g.Key, g =>
        {
            var met = g.Count(t => t.SlaMet == true);
            var open = g.Count(t => t.CompletedAt == null && t.SlaBreachedAt == null);
            return (Tasks: g.Count(), Met: met, Breached: g.Count() - met - open, Open: open);
        });
        Assert.True(expected.Values.Sum(e => e.Breached) > 0 && expected.Values.Sum(e => e.Met) > 0, "the demo history has no met or no missed SLA");
        Assert.Equal(expected.Count, report.Count);
        foreach (var row in report)
        {
            var key = (row.Str("assignee")!, row.Str("playbookId"));
            var (total, met, breached, open) = expected[key];
            Assert.Equal((total, met, breached, open), (row.Int("tasks"), row.Int("met"), row.Int("breached"), row.Int("open")));
            Assert.Equal(Math.Round(100.0 * met / (met + breached), 1, MidpointRounding.AwayFromZero), row.Element.GetProperty("attainmentPercent").GetDouble());
        }
    }

    [Fact]
    public async Task TimeInTierAgreesWithEachAccountsStays()
    {
        await WaitForHistoryAsync();
        var (changes, scores) = await app.WithDbAsync(async db => (await db.TierChanges.AsNoTracking().ToListAsync(), await db.AccountScores.AsNoTracking().ToListAsync()));

        var report = await ReportAsync($"time-in-tier?{Range(90)}");

        var today = DateOnly.FromDateTime(Now);
        var ended = changes.GroupBy(c => c.AccountId)
            .SelectMany(g => g.OrderBy(c => c.ChangedAt).Zip(g.OrderBy(c => c.ChangedAt).Skip(1)))
            .Where(pair => pair.Second.ChangedAt >= Now.AddDays(-90) && pair.Second.ChangedAt < Now && pair.Second.FromTier != null)
            .Select(pair => (Tier: pair.Second.FromTier!, Days: DateOnly.FromDateTime(pair.Second.ChangedAt).DayNumber - DateOnly.FromDateTime(pair.First.ChangedAt).DayNumber))
            .ToLookup(s => s.Tier, s => s.Days);
        var current = scores.ToLookup(s => s.Tier, s => today.DayNumber - DateOnly.FromDateTime(s.TierSince).DayNumber);
        foreach (var row in report)
        {
            var tier = row.Str("tier")!;
            Assert.Equal((current[tier].Count(), Median(current[tier]), ended[tier].Count(), Median(ended[tier])),
                (row.Int("accounts"), row.Double("medianDays"), row.Int("exited"), row.Double("exitedMedianDays")));
        }
        Assert.True(report.Sum(r => r.Int("exited")) > 0, "no stay ended in the demo history");
    }

    [Fact]
    public async Task TierDistributionAndCoverageAgreeWithScoresAndOwners()
    {
        await WaitForHistoryAsync();
        var (accounts, scores) = await app.WithDbAsync(async db => (await db.Accounts.AsNoTracking().ToListAsync(), await db.AccountScores.AsNoTracking().ToListAsync()));

        var tiers = await ReportAsync("tier-distribution");
        var coverage = await ReportAsync("coverage");

        Assert.Equal(Tiers.Select(t => (t, scores.Count(s => s.Tier == t))), tiers.Select(r => (r.Str("tier")!, r.Int("accounts"))));
        var tier1 = scores.Where(s => s.Tier == "Tier1").Select(s => s.AccountId).ToHashSet();
        foreach (var row in coverage)
        {
            var owned = row.Str("repId") is { } rep
                ? accounts.Where(a => a.AeOwnerId == rep || a.SdrOwnerId == rep).ToList()
                : accounts.Where(a => a.AeOwnerId == null && a.SdrOwnerId == null).ToList();
            Assert.Equal((owned.Count, owned.Count(a => tier1.Contains(a.Id))), (row.Int("accounts"), row.Int("tier1Accounts")));
        }
    }

    [Fact]
    public async Task SlaBreachesAgreeWithEachTasksDeadlineOnItsAssigneesClock()
    {
        await WaitForHistoryAsync();
        var (tasks, reps) = await app.WithDbAsync(async db => (
            await db.Tasks.AsNoTracking().Where(t => t.SlaDueAt != null && t.SlaDueAt >= Now.AddDays(-20) && t.SlaDueAt < Now && t.Status != OutreachTaskStatus.Cancelled).ToListAsync(),
            await db.Reps.AsNoTracking().ToDictionaryAsync(r => r.Id, r => TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone))));

        var report = await ReportAsync($"sla-breaches?{Range(20)}");

        var expected = tasks.GroupBy(t => (t.NodeId, Weekday: (t.AssigneeRepId is { } rep ? TimeZoneInfo.ConvertTimeFromUtc(t.SlaDueAt!.Value, reps[rep]) : t.SlaDueAt!.Value).DayOfWeek.ToString()))
            .ToDictionary(g => g.Key, g => (Due: g.Count(), Breached: g.Count(t => t.SlaBreachedAt != null || t.CompletedAt > t.SlaDueAt)));
        Assert.True(expected.Count > 0, "no SLA came due in the last 20 days of the demo history");
        foreach (var row in report)
        {
            Assert.Equal(expected.GetValueOrDefault((row.Str("nodeId"), row.Str("weekday")!)), (row.Int("due"), row.Int("breached")));
        }
        Assert.Equal(tasks.Count, report.Sum(r => r.Int("due")));
    }

    private static int Rank(string? tier) => tier is null ? int.MaxValue : Array.IndexOf(Tiers, tier) is var i and >= 0 ? i : int.MaxValue;

    private static DateOnly Monday(DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static double? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = (sorted.Count - 1) / 2.0;
        return Math.Round(sorted[(int)Math.Floor(middle)] + (sorted[(int)Math.Ceiling(middle)] - sorted[(int)Math.Floor(middle)]) * (middle - Math.Floor(middle)), 1,
            MidpointRounding.AwayFromZero);
    }

    /// A report row as JSON, read by column name.
    public sealed class Row(JsonElement element)
    {
        public JsonElement Element { get; } = element;

        public string? Str(string name) => Element.GetProperty(name).GetString();

        public int Int(string name) => Element.GetProperty(name).GetInt32();

        public double? Double(string name) => Element.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;
    }
}

/// A small demo (the browser tests' size) with the history on top, on each database.
public sealed class DemoHistoryOnSqlite() : AppFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => DemoHistorySettings.Small;
}

public sealed class DemoHistoryOnPostgres() : AppFixture(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => DemoHistorySettings.Small;
}

internal static class DemoHistorySettings
{
    /// The repository's playbooks (a copy), whose steps the history plays; a generous render limit, since a first
    /// render that times out on a busy machine would leave a template, and the playbooks using it, unpublished.
    public static IReadOnlyDictionary<string, string?> Small => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true", ["Demo:Accounts"] = "150", ["Demo:Signals"] = "1500", ["Playbooks:Folder"] = CopyOfWorkflows(),
        ["Templates:TimeLimitMilliseconds"] = "20000",
    };

    private static string CopyOfWorkflows()
    {
        var copy = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Tests.RepoPaths.Root, "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }
}

public sealed class ReportsAgreeWithTablesOnSqlite(DemoHistoryOnSqlite app) : ReportsAgreeWithTables<DemoHistoryOnSqlite>(app);

public sealed class ReportsAgreeWithTablesOnPostgres(DemoHistoryOnPostgres app) : ReportsAgreeWithTables<DemoHistoryOnPostgres>(app);
