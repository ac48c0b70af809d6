using System.Diagnostics;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Rules;

/// --breakdown, second part: the steps of AccountEvaluator.EvaluateChunkAsync taken apart on the first chunks,
/// each timed alone through the same public APIs (queries, Ruleset.Evaluate, TierPolicy, each compiled rule),
/// with variations that show what one ingredient costs (no Properties column, no tracking, raw ADO.NET).
public static class OursAnatomy
{
    public static async Task<List<string>> MeasureAsync(IServiceProvider services, Ruleset rules, EvaluationOptions options, int chunks)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(); // kept open, so the raw ADO.NET step can share it
        var t = new Timings(enabled: true);
        var now = BenchSettings.Now;
        var since = now.AddDays(-options.SignalWindowDays);
        var policy = new TierPolicy(options);
        var allRules = rules.ComponentRules.Select(r => r.Rule).Concat(rules.WeightRules.Select(r => r.Rule))
            .Concat(rules.TierRules.Select(r => r.Rule)).Concat(rules.TriggerRules.Select(r => r.Rule)).ToList();
        var ruleTicks = new long[allRules.Count];
        var lastId = "";
        var accounts = 0;
        var signalCount = 0;
        for (var c = 0; c < chunks; c++)
        {
            var after = lastId;
            List<Account> chunk;
            using (t.Measure("Accounts chunk query (EF, AsNoTracking)"))
            {
                chunk = await db.Accounts.AsNoTracking().Where(a => string.Compare(a.Id, after) > 0).OrderBy(a => a.Id).Take(options.ChunkSize).ToListAsync();
            }
            if (chunk.Count == 0)
            {
                break;
            }
            var ids = chunk.Select(a => a.Id).ToList();
            var rows = await TimeAsync(t, "Signals query as the product (EF, with Properties)", () => db.Signals.AsNoTracking()
                .Where(s => ids.Contains(s.AccountId) && s.OccurredAt >= since)
                .Select(s => new { s.AccountId, s.Id, s.Type, s.OccurredAt, s.Properties }).ToListAsync());
            await TimeAsync(t, "  same query without Properties (EF, no JSON)", () => db.Signals.AsNoTracking()
                .Where(s => ids.Contains(s.AccountId) && s.OccurredAt >= since)
                .Select(s => new { s.AccountId, s.Id, s.Type, s.OccurredAt }).ToListAsync());
            using (t.Measure("  same rows by id range, raw ADO.NET strings (no EF, no JSON)"))
            {
                RawSignals(db, after, chunk[^1].Id, since);
            }
            signalCount += rows.Count;
            ILookup<string, SignalFact> signals;
            using (t.Measure("ToLookup into SignalFacts"))
            {
                signals = rows.ToLookup(s => s.AccountId, s => new SignalFact(s.Id, s.Type, s.OccurredAt, s.Properties));
            }
            var scores = await TimeAsync(t, "AccountScores query, tracked (EF: JSON + snapshots)", () =>
                db.AccountScores.Where(s => ids.Contains(s.AccountId)).ToDictionaryAsync(s => s.AccountId));
            using (t.Measure("  DetectChanges over the tracked chunk (nothing modified)"))
            {
                db.ChangeTracker.DetectChanges();
            }
            using (t.Measure("  ChangeTracker.Clear of the tracked chunk"))
            {
                db.ChangeTracker.Clear();
            }
            await TimeAsync(t, "  same query AsNoTracking", () => db.AccountScores.AsNoTracking().Where(s => ids.Contains(s.AccountId)).ToListAsync());

            foreach (var account in chunk)
            {
                var stored = scores.GetValueOrDefault(account.Id);
                AccountFacts facts;
                SignalWindow window;
                using (t.Measure("AccountFacts.From + new SignalWindow(lookup[id].ToList())"))
                {
                    facts = AccountFacts.From(account, stored?.Tier ?? "", now);
                    window = new SignalWindow(signals[account.Id].ToList(), now);
                }
                RuleOutcome outcome;
                using (t.Measure("Ruleset.Evaluate (compiled rules, evidence, reasons)"))
                {
                    outcome = rules.Evaluate(facts, window, options.HysteresisPoints);
                }
                using (t.Measure("TierPolicy.Decide"))
                {
                    var state = stored is null ? null : new TierState(stored.Tier, stored.TierSince, stored.HeldTier, stored.HoldUntil, stored.ReviewFlag, stored.RulesetVersion);
                    policy.Decide(rules, outcome, state, now);
                }
                var score = new ScoreFacts(outcome.Components, outcome.Composite);
                for (var i = 0; i < allRules.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    allRules[i].Passes(facts, window, score);
                    ruleTicks[i] += Stopwatch.GetTimestamp() - start;
                }
                window.TakeEvidence();
            }
            accounts += chunk.Count;
            lastId = chunk[^1].Id;
        }
        var total = t.TotalSeconds;
        var lines = new List<string> { $"Anatomy of ours on {accounts:N0} accounts ({signalCount:N0} signals), each step timed alone:" };
        lines.AddRange(t.Report(total, accounts).SkipLast(1));
        lines.Add("Most expensive compiled rules (Passes alone, µs per account):");
        lines.AddRange(allRules.Select((rule, i) => (rule.Name, Micro: 1e6 * ruleTicks[i] / Stopwatch.Frequency / Math.Max(1, accounts)))
            .OrderByDescending(r => r.Micro).Take(8).Select(r => $"  {r.Name,-26} {r.Micro,6:0.00} µs"));
        lines.Add($"  all {allRules.Count} rules together: {1e6 * ruleTicks.Sum() / Stopwatch.Frequency / Math.Max(1, accounts):0.0} µs");
        return lines;
    }

    private static async Task<T> TimeAsync<T>(Timings timings, string bucket, Func<Task<T>> step)
    {
        using (timings.Measure(bucket))
        {
            return await step();
        }
    }

    private static void RawSignals(AppDbContext db, string after, string last, DateTime since)
    {
        var connection = db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT AccountId, Id, Type, OccurredAt, Properties FROM Signals WHERE AccountId > @after AND AccountId <= @last AND OccurredAt >= @since";
        Parameter(command, "@after", after);
        Parameter(command, "@last", last);
        Parameter(command, "@since", SqliteText.Format(since));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        }
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = (name, value);
        command.Parameters.Add(parameter);
    }
}
