using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Scoring.Explain;

/// What would change an account's tier: the smallest sets of scoring rules and trigger rules whose answer, turned
/// the other way, would move it. A bounded search: sets of up to <see cref="MaxSetSize"/> rules, all pushing the same
/// way (up or down), over the <see cref="MaxCandidates"/> nearest rules per direction; a set is kept only when no
/// smaller kept set reaches the same tier. A rule that reads only the account's own facts (industry, size, stack)
/// stands alone: combined, such rules would describe another company ("over 5,000 employees and under 20"). Each set is evaluated by the ruleset itself (components, composite, tier
/// rules, triggers, tier policy), with the flipped rules answering the other way and every other rule as it answers.
public static class WhatWouldChange
{
    public const int MaxSetSize = 3;
    public const int MaxCandidates = 30;
    public const int MaxMovesPerTier = 3;

    public static TierMoves Find(Ruleset rules, AccountFacts account, SignalWindow signals, RuleOutcome outcome, TierState? state,
        TierPolicy policy, double hysteresisMargin, DateTime now)
    {
        // Waiting for the minimum days in tier is a delay, not a barrier: the search looks past it (holds and the
        // hysteresis margin still count).
        var patient = state is null ? null : state with { Since = DateTime.MinValue };
        var baseline = policy.Decide(rules, outcome, patient, now).Tier;
        var score = new ScoreFacts(outcome.Components, outcome.Composite);
        var phrasing = new RulePhrasing(account, signals, score);
        var candidates = Candidates(rules, outcome, phrasing);
        var verdicts = new Verdicts(account, signals);

        var kept = new List<(Flip[] Set, string Tier, double Composite)>();
        var tried = 0;
        foreach (var direction in new[] { 1, -1 })
        {
            var pool = candidates.Where(c => c.Direction == direction).OrderBy(c => c.Effort).Take(MaxCandidates).ToArray();
            foreach (var set in Subsets(pool, MaxSetSize).Where(s => s.Length == 1 || !s.Any(f => f.FactsOnly)))
            {
                tried++;
                var moved = rules.Evaluate(account, signals, hysteresisMargin, verdicts.With(set));
                var tier = policy.Decide(rules, moved, patient, now).Tier;
                var better = rules.RankOf(tier) < rules.RankOf(baseline);
                if (tier == baseline || better != (direction > 0) ||
                    kept.Any(k => k.Tier == tier && k.Set.All(set.Contains)))
                {
                    continue;
                }
                kept.Add((set, tier, moved.Composite));
            }
        }

        var moves = kept
            .GroupBy(k => k.Tier)
            .SelectMany(g => g.OrderBy(k => k.Set.Length).ThenBy(k => k.Set.Sum(f => f.Effort)).Take(MaxMovesPerTier))
            .OrderBy(k => rules.RankOf(k.Tier) < rules.RankOf(baseline) ? 0 : 1)
            .ThenBy(k => k.Set.Length).ThenBy(k => k.Set.Sum(f => f.Effort)).ThenBy(k => rules.RankOf(k.Tier))
            .Select(k => Move(rules, baseline, k.Set, k.Tier, k.Composite))
            .ToList();
        return new TierMoves(baseline, moves, tried, MaxSetSize);
    }

    private static TierMove Move(Ruleset rules, string from, Flip[] set, string tier, double composite)
    {
        set = [.. set.OrderBy(f => f.Order)];
        var flips = set.Select(f => new RuleFlip(f.Rule.Definition.Workflow, f.Rule.Name, f.Passes, f.Phrase?.Text, f.Text)).ToList();
        var said = set.All(f => f.Phrase is null)
            ? "if " + string.Join(" and ", set.Select(f => f.Fallback))
            : string.Join(" and ", set.Select(f => f.Text));
        return new TierMove(tier, rules.RankOf(tier) < rules.RankOf(from) ? "up" : "down", flips, composite, $"{said} → {tier}");
    }

    /// Every scoring rule with points and every promote or demote trigger, each turned the other way.
    private static List<Flip> Candidates(Ruleset rules, RuleOutcome outcome, RulePhrasing phrasing)
    {
        var passed = outcome.PassedRules.ToHashSet();
        var flips = new List<Flip>();
        foreach (var rule in rules.ComponentRules.Where(r => r.Points != 0))
        {
            var passes = !passed.Contains(rule.Rule.Name);
            var phrase = phrasing.Phrase(rule.Rule.Body, passes);
            flips.Add(new Flip(flips.Count, rule.Rule, passes, Math.Sign(rule.Points) * (passes ? 1 : -1), phrase,
                $"{rule.Rule.Name} {(passes ? "passed" : "failed")}", phrase?.Text ?? $"{rule.Rule.Name} {(passes ? "passing" : "failing")}"));
        }
        foreach (var trigger in rules.TriggerRules.Where(t => t.Action != TriggerAction.Flag))
        {
            var fires = !outcome.Triggers.Any(t => t.Rule == trigger.Rule.Name);
            var up = trigger.Action == TriggerAction.Promote;
            var phrase = phrasing.Phrase(trigger.Rule.Body, fires);
            flips.Add(new Flip(flips.Count, trigger.Rule, fires, (up ? 1 : -1) * (fires ? 1 : -1), phrase,
                $"{trigger.Rule.Name} {(fires ? "fired" : "did not fire")}", phrase?.Text ?? $"{trigger.Rule.Name} {(fires ? "firing" : "not firing")}"));
        }
        return flips;
    }

    /// Sets of 1 … max items, smaller first, each in index order.
    private static IEnumerable<Flip[]> Subsets(Flip[] pool, int max)
    {
        for (var size = 1; size <= max; size++)
        {
            foreach (var set in Combinations(pool, size, 0))
            {
                yield return set;
            }
        }
    }

    private static IEnumerable<Flip[]> Combinations(Flip[] pool, int size, int start)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = start; i <= pool.Length - size; i++)
        {
            foreach (var rest in Combinations(pool, size - 1, i + 1))
            {
                yield return [pool[i], .. rest];
            }
        }
    }

    /// A rule turned the other way; Order is its place in the files (a move lists its rules in that order).
    /// Direction: +1 when that raises the account (points gained, a promotion fired,
    /// a demotion stopped), −1 when it lowers it.
    private sealed record Flip(int Order, CompiledRule Rule, bool Passes, int Direction, RulePhrase? Phrase, string Fallback, string Text)
    {
        public double Effort => Phrase?.Effort ?? 10;

        /// Reads neither signals nor scores: only a different account would answer the other way.
        public bool FactsOnly { get; } = !ParameterUse.Uses(Rule.Body, RuleParameters.SignalsParameter) &&
                                         !ParameterUse.Uses(Rule.Body, RuleParameters.ScoreParameter);
    }

    /// The rules' answers for the search: a flipped rule answers as flipped; a rule that does not read score answers
    /// what it answered the first time (it cannot change); the rest are run.
    private sealed class Verdicts(AccountFacts account, SignalWindow signals)
    {
        private readonly Dictionary<CompiledRule, bool> _fixed = [];
        private readonly Dictionary<CompiledRule, bool> _readsScore = [];

        public RuleVerdict With(Flip[] set) => (rule, a, s, score) =>
        {
            foreach (var flip in set)
            {
                if (flip.Rule == rule)
                {
                    return flip.Passes;
                }
            }
            if (!_readsScore.TryGetValue(rule, out var reads))
            {
                reads = _readsScore[rule] = ParameterUse.Uses(rule.Body, RuleParameters.ScoreParameter);
            }
            if (reads)
            {
                return rule.Passes(a, s, score);
            }
            if (!_fixed.TryGetValue(rule, out var answer))
            {
                answer = _fixed[rule] = rule.Passes(account, signals, score);
            }
            return answer;
        };
    }
}

/// The tier the search starts from, the moves it found (up first; by size, then by how little each takes) and how
/// many rule sets it tried.
public sealed record TierMoves(string From, IReadOnlyList<TierMove> Moves, int SetsTried, int MaxSetSize);

/// One way to another tier: the rules that would answer the other way, in words where their expression allows.
public sealed record TierMove(string ToTier, string Direction, IReadOnlyList<RuleFlip> Flips, double Composite, string Text);

/// A rule that would answer the other way: Passes is its new answer; Phrase says what that takes, when it can be said.
public sealed record RuleFlip(string Workflow, string Rule, bool Passes, string? Phrase, string Text);
