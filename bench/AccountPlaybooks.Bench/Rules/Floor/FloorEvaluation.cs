using System.Runtime.InteropServices;
using System.Text.Json;
using AccountPlaybooks.Bench.Harness;
using Microsoft.Data.Sqlite;

namespace AccountPlaybooks.Bench.Rules.Floor;

/// The floor variant: raw reads, the hand-written rules, and upserts of the changed rows only (plus a
/// TierChanges row per tier change, as the product writes), one transaction per chunk.
public sealed class FloorEvaluation(string rulesetVersion, DateTime now)
{
    public const int ChunkSize = 5000;

    private readonly FloorRules _rules = new();

    /// TierSince for an account without a stored score (the generator back-dates yesterday's tiers); default: now.
    public Func<string, DateTime>? NewTierSince { get; init; }

    public int Accounts { get; private set; }
    public int Changed { get; private set; }
    public int TierChanges { get; private set; }

    public void Run(SqliteConnection connection, int windowDays, Timings timings)
    {
        using var reader = new FloorReader(connection, now.AddDays(-windowDays));
        using var writer = new FloorScoreWriter(connection);
        List<FloorAccount> accounts = [];
        List<FloorSignal> signals = [];
        List<(int Start, int Count)> ranges = [];
        while (true)
        {
            bool more;
            using (timings.Measure("read (accounts + scores, signals; JSON)"))
            {
                more = reader.Read(ChunkSize, accounts, signals, ranges);
            }
            if (!more)
            {
                break;
            }
            var span = CollectionsMarshal.AsSpan(signals);
            using var transaction = connection.BeginTransaction();
            writer.Transaction = transaction;
            for (var i = 0; i < accounts.Count; i++)
            {
                var (start, count) = ranges[i];
                Evaluate(accounts[i], span.Slice(start, count), writer, timings);
            }
            using (timings.Measure("write (upserts, commit)"))
            {
                transaction.Commit();
            }
            writer.Transaction = null;
            Accounts += accounts.Count;
        }
    }

    /// Evaluates one account against its stored score and writes what changed.
    public void Evaluate(FloorAccount account, ReadOnlySpan<FloorSignal> signals, FloorScoreWriter writer, Timings? timings = null)
    {
        string? componentsJson, reasonsJson;
        FloorOutcome outcome;
        FloorDecision decision;
        bool changed, tierChanged;
        var prior = account.Prior;
        using (timings?.Measure("evaluate (rules, policy, compare)"))
        {
            outcome = _rules.Evaluate(account, signals, prior?.Tier ?? "", now);
            decision = FloorRules.Decide(outcome, prior, rulesetVersion, now);
            componentsJson = _rules.ComponentsJson(outcome);
            reasonsJson = _rules.ReasonsJson(outcome);
            tierChanged = prior?.Tier != decision.Tier;
            changed = prior is null || tierChanged || prior.Composite != outcome.Composite || prior.RulesetVersion != rulesetVersion ||
                      prior.HeldTier != decision.HeldTier || prior.HoldUntil != decision.HoldUntil || prior.ReviewFlag != decision.ReviewFlag ||
                      prior.ComponentsJson != componentsJson || prior.ReasonsJson != reasonsJson;
        }
        if (!changed)
        {
            return;
        }
        using (timings?.Measure("write (upserts, commit)"))
        {
            writer.Upsert(account.Id, componentsJson, outcome.Composite, decision, prior is null ? NewTierSince?.Invoke(account.Id) ?? now : tierChanged ? now : prior.TierSince, reasonsJson, rulesetVersion, now);
            if (tierChanged)
            {
                var evidence = FloorRules.Evidence(decision, outcome, signals, now);
                writer.TierChange(account.Id, prior?.Tier, decision, now, JsonSerializer.Serialize(evidence), rulesetVersion);
                TierChanges++;
            }
        }
        Changed++;
    }
}
