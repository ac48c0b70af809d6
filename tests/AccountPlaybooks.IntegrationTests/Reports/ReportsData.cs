using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Reports;

/// Writing report data straight into the tables: accounts with their current score, tier history and tasks.
public static class ReportsData
{
    public static readonly DateTime Now = AppFixture.Start.UtcDateTime; // Tuesday 2026-11-24 09:00 UTC

    /// The start-up evaluation runs in the background; rows written before it ends would be re-tiered by it.
    public static Task WaitForStartupEvaluationAsync(AppFixture app) => Eventually.GetAsync(
        () => app.WithDbAsync(db => db.EvaluationRuns.AnyAsync(r => r.FinishedAt != null)), done => done, "the start-up evaluation finished");

    public static Rep Rep(string id, string name, RepRole role, string team, int capacity = 30, string timeZone = "UTC") =>
        new() { Id = id, Email = $"{id}@example.test", Name = name, Role = role, Team = team, Tier1Capacity = capacity, TimeZone = timeZone };

    public static Account Account(string id, string? ae = null, string? sdr = null) =>
        new() { Id = id, Name = $"Account {id}", AeOwnerId = ae, SdrOwnerId = sdr, CreatedAt = Now.AddDays(-60), UpdatedAt = Now.AddDays(-60) };

    public static AccountScore Score(string accountId, string tier, double composite, DateTime since, string? reviewFlag = null) => new()
    {
        AccountId = accountId, Tier = tier, Composite = composite, TierSince = since, ReviewFlag = reviewFlag, RulesetVersion = "v-test",
        EvaluatedAt = since,
    };

    public static TierChange Change(string accountId, string? from, string to, DateTime at, string kind) => new()
    {
        AccountId = accountId, FromTier = from, ToTier = to, ChangedAt = at, Kind = kind, RulesetVersion = "v-test",
    };

    public static OutreachTask SlaTask(string id, string accountId, string? repId, string playbookId, string nodeId, DateTime? slaDue,
        DateTime? completed = null, DateTime? breached = null, string? queue = null, OutreachTaskStatus? status = null) => new()
    {
        Id = id, AccountId = accountId, AssigneeRepId = repId, Queue = queue, PlaybookId = playbookId, NodeId = nodeId, PlaybookVersion = 1,
        Channel = "email", Template = "tier1-email-touch", Title = $"Task {id}", Body = "", AssigneeRole = repId is null ? "queue" : "ae",
        Status = status ?? (completed is null ? OutreachTaskStatus.Open : OutreachTaskStatus.Done),
        CreatedAt = (slaDue ?? Now).AddDays(-1), UpdatedAt = completed ?? Now, DueAt = slaDue ?? Now, SlaDueAt = slaDue,
        CompletedAt = completed, SlaBreachedAt = breached, Outcome = completed is null ? null : "Done",
    };

    /// A deal signal, stored as processed (the reports read it; no evaluation should re-tier the hand-made accounts).
    public static Signal Deal(string id, string accountId, string type, DateTime at, string opportunity, string? amount = null) => new()
    {
        Id = id, AccountId = accountId, Type = type, OccurredAt = at, ReceivedAt = at, ProcessedAt = at, Source = "crm",
        Properties = amount is null ? new() { ["opportunity"] = opportunity } : new() { ["opportunity"] = opportunity, ["amount"] = amount },
    };

    public static async Task SaveAsync(AppFixture app, Action<AppDbContext> add) => await app.WithDbAsync(async db =>
    {
        add(db);
        await db.SaveChangesAsync();
    });
}
