using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Rules;

/// The cost budget a ruleset must meet before it is accepted (publish, validate, the folder watcher): every rule is
/// measured on the golden cases and on a sample of stored accounts with their signals in the window, and a rule over
/// Rules:CostBudget is a problem at its line ("rule X costs 40 ms per account; the limit is 1 ms"). ADR 0028.
public sealed class RuleCostCheck(AppDbContext db, RuleCostOptions options, EvaluationOptions evaluation, TimeProvider clock,
    ILogger<RuleCostCheck> logger)
{
    public async Task<RuleCostReport> MeasureAsync(Ruleset ruleset, IReadOnlyList<RuleFile> cases, CancellationToken cancellationToken)
    {
        var subjects = RuleCostSubject.FromGoldenCases(cases);
        var golden = subjects.Count;
        subjects.AddRange(await SampleAsync(cancellationToken));
        var report = RuleCostMeter.Measure(ruleset, subjects, options, TimeSpan.FromMilliseconds(evaluation.AccountBudgetMilliseconds),
            evaluation.HysteresisPoints, cancellationToken);
        var costliest = report.Costliest;
        logger.LogInformation("Rules {Version} cost check: {Golden} golden cases and {Accounts} stored accounts, {Rounds} round(s) in {Elapsed} ms; " +
                              "costliest rule {Rule} at {Milliseconds} ms and {Kilobytes} KB per account; {Problems} over the budget",
            ruleset.Version, golden, subjects.Count - golden, report.Rounds, (int)report.Elapsed.TotalMilliseconds, costliest?.Rule.Name,
            RuleCostMeter.Format(costliest?.Milliseconds ?? 0), RuleCostMeter.Format(costliest?.Kilobytes ?? 0), report.Problems.Count);
        return report;
    }

    /// Up to SampleAccounts stored accounts spread evenly over the id order (the same ones while the accounts do not
    /// change), each with its signals in the window and its current tier, as an evaluation sees them now.
    private async Task<List<RuleCostSubject>> SampleAsync(CancellationToken cancellationToken)
    {
        if (options.SampleAccounts == 0)
        {
            return [];
        }
        var ids = await db.Accounts.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        if (ids.Count > options.SampleAccounts)
        {
            ids = Enumerable.Range(0, options.SampleAccounts).Select(i => ids[(int)((long)i * ids.Count / options.SampleAccounts)]).ToList();
        }
        if (ids.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-evaluation.SignalWindowDays);
        var accounts = await db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var tiers = await db.AccountScores.AsNoTracking().Where(s => ids.Contains(s.AccountId))
            .ToDictionaryAsync(s => s.AccountId, s => s.Tier, cancellationToken);
        var signals = (await db.Signals.AsNoTracking().Where(s => ids.Contains(s.AccountId) && s.OccurredAt >= since)
                .Select(s => new { s.AccountId, s.Id, s.Type, s.OccurredAt, s.Properties })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.AccountId, s => new SignalFact(s.Id, s.Type, s.OccurredAt, s.Properties));
        return accounts.Select(a => new RuleCostSubject($"account {a.Name} ({a.Id})", AccountFacts.From(a, tiers.GetValueOrDefault(a.Id, ""), now),
            signals[a.Id].ToList(), now)).ToList();
    }
}
