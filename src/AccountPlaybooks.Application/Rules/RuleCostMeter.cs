using System.Diagnostics;
using System.Globalization;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// Runs a ruleset on accounts and measures what each rule costs per account: wall time (Stopwatch) and bytes allocated
/// (GC.GetAllocatedBytesForCurrentThread; the compiled rules run synchronously on this thread). Rules run through
/// <see cref="Ruleset.Evaluate"/>, so each sees the score it sees in an evaluation and runs as often as it runs there
/// (a tier rule below the account's tier does not run). A few warm-up runs first, so JIT is not blamed on a rule; then
/// every account runs <see cref="RuleCostOptions.Rounds"/> times and counts with its fastest run (noise only adds time).
/// The check is bounded: an account's run has a <see cref="RuleTimeBudget"/>, a rule whose first round alone already
/// spends several times its whole allowance is refused without finishing, and the whole check has a time cap.
public static class RuleCostMeter
{
    /// A rule whose first round already costs this many times the limit × accounts is refused without more rounds.
    private const int ClearlyOver = 3;

    private const int WarmupAccounts = 3;
    private const int WarmupRuns = 2;

    /// However small the limit, one account's run is only stopped after this long, so a stop names a rule that is
    /// really slow rather than the one that happened to run when many fast ones, or a garbage collection, added up.
    private static readonly TimeSpan MinimumAccountBudget = TimeSpan.FromMilliseconds(100);

    public static RuleCostReport Measure(Ruleset ruleset, IReadOnlyList<RuleCostSubject> subjects, RuleCostOptions options,
        TimeSpan accountBudget, double hysteresisMargin = 0, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var rules = AllRules(ruleset);
        var run = new Run(rules);
        var limitTicks = options.MillisecondsPerAccount * Stopwatch.Frequency / 1000;
        var allowance = TimeSpan.FromMilliseconds(ClearlyOver * options.MillisecondsPerAccount * Math.Max(1, subjects.Count));
        var budget = Min(accountBudget, allowance < MinimumAccountBudget ? MinimumAccountBudget : allowance);
        var cap = TimeSpan.FromSeconds(options.CheckSeconds);

        var best = new long[rules.Count, subjects.Count];
        var bestBytes = new long[rules.Count, subjects.Count];
        var firstRound = new long[rules.Count];
        var clearlyOverRules = new bool[rules.Count];
        var measured = 0;
        var rounds = 0;
        var cappedInFirstRound = false;

        // Every account, round after round; stops early when a rule is clearly over or the check's time is up.
        void RunRounds()
        {
            // JIT happens here, so only the evaluation's own budget applies.
            foreach (var subject in subjects.Take(WarmupAccounts))
            {
                for (var i = 0; i < WarmupRuns; i++)
                {
                    run.Once(ruleset, subject, accountBudget, hysteresisMargin);
                }
            }
            for (var round = 0; round < options.Rounds; round++)
            {
                for (var s = 0; s < subjects.Count; s++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Stopwatch.GetElapsedTime(started) > cap)
                    {
                        cappedInFirstRound = round == 0;
                        return;
                    }
                    RunWithRetry(subjects[s]);
                    for (var r = 0; r < rules.Count; r++)
                    {
                        best[r, s] = round == 0 ? run.Ticks[r] : Math.Min(best[r, s], run.Ticks[r]);
                        bestBytes[r, s] = round == 0 ? run.Bytes[r] : Math.Min(bestBytes[r, s], run.Bytes[r]);
                    }
                    if (round > 0)
                    {
                        continue;
                    }
                    measured = s + 1;
                    var clearlyOver = false;
                    for (var r = 0; r < rules.Count; r++)
                    {
                        firstRound[r] += run.Ticks[r];
                        clearlyOverRules[r] = firstRound[r] > ClearlyOver * limitTicks * subjects.Count;
                        clearlyOver |= clearlyOverRules[r];
                    }
                    if (clearlyOver)
                    {
                        rounds = 1;
                        return;
                    }
                }
                rounds = round + 1;
            }
        }

        // A run stopped by the budget is tried once more: a pause of the whole process (a garbage collection, the
        // machine busy elsewhere) is not the rule's, and seldom hits the same account twice.
        void RunWithRetry(RuleCostSubject subject)
        {
            try
            {
                run.Once(ruleset, subject, budget, hysteresisMargin);
            }
            catch (RuleBudgetExceededException)
            {
                run.Once(ruleset, subject, budget, hysteresisMargin);
            }
        }

        try
        {
            RunRounds();
        }
        catch (RuleBudgetExceededException)
        {
            return Stopped(rules, run, subjects.Count, measured, rounds, Stopwatch.GetElapsedTime(started), options);
        }

        var costs = new List<RuleCost>(rules.Count);
        for (var r = 0; r < rules.Count; r++)
        {
            long ticks = 0, bytes = 0, worst = 0;
            var worstAt = -1;
            for (var s = 0; s < measured; s++)
            {
                ticks += best[r, s];
                bytes += bestBytes[r, s];
                if (best[r, s] > worst)
                {
                    (worst, worstAt) = (best[r, s], s);
                }
            }
            var count = Math.Max(1, measured);
            costs.Add(new RuleCost(rules[r], Milliseconds(ticks) / count, bytes / 1024.0 / count, measured,
                worstAt < 0 ? null : subjects[worstAt].Label, Milliseconds(worst)));
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        // Stopped early, the other rules have one run on a few accounts, and the slow rule's garbage collections may
        // have landed in them: only the rule that was clearly over is judged on time.
        var stoppedEarly = clearlyOverRules.Any(over => over);
        var problems = OverTheLimit(costs, subjects.Count, Math.Max(1, rounds), options,
            cost => !stoppedEarly || clearlyOverRules[rules.IndexOf(cost.Rule)]);
        if (cappedInFirstRound && problems.Count == 0 && costs.MaxBy(c => c.Milliseconds) is { } costliest)
        {
            problems.Add(Problem(costliest.Rule,
                $"the rules could not be run once on every account within {options.CheckSeconds} s (they ran on {measured} of " +
                $"{subjects.Count}); rule {costliest.Rule.Name} costs the most, {Format(costliest.Milliseconds)} ms per account",
                "Make the costliest rules cheaper, or raise Rules:CostBudget:CheckSeconds"));
        }
        return new RuleCostReport(subjects.Count, measured, Math.Max(1, rounds), elapsed, costs, problems);
    }

    /// Every rule in the order an evaluation runs them.
    public static List<CompiledRule> AllRules(Ruleset ruleset) => ruleset.AllRules.ToList();

    private static List<RuleProblem> OverTheLimit(List<RuleCost> costs, int subjects, int rounds, RuleCostOptions options,
        Func<RuleCost, bool> judgedOnTime)
    {
        var problems = new List<RuleProblem>();
        foreach (var cost in costs)
        {
            var measuredOn = cost.Accounts < subjects
                ? $"Measured on {cost.Accounts} of {subjects} accounts before the check stopped early"
                : $"Measured on {subjects} accounts (golden cases included), each its fastest of {rounds} runs";
            var costliest = cost.Costliest is null ? "" : $"; it cost most on {cost.Costliest} ({Format(cost.CostliestMilliseconds)} ms)";
            if (cost.Milliseconds > options.MillisecondsPerAccount && judgedOnTime(cost))
            {
                problems.Add(Problem(cost.Rule,
                    $"rule {cost.Rule.Name} costs {Format(cost.Milliseconds)} ms per account; the limit is {Format(options.MillisecondsPerAccount)} ms",
                    $"{measuredOn}{costliest}. Make the rule cheaper (the signals helpers instead of loops over signals.All, fewer nested " +
                    "loops), or raise Rules:CostBudget:MillisecondsPerAccount"));
            }
            if (cost.Kilobytes > options.KilobytesPerAccount)
            {
                problems.Add(Problem(cost.Rule,
                    $"rule {cost.Rule.Name} allocates {Format(cost.Kilobytes)} KB per account; the limit is {Format(options.KilobytesPerAccount)} KB",
                    $"{measuredOn}. Make the rule build fewer lists and texts (count and test instead of ToList, Select into text, " +
                    "padding), or raise Rules:CostBudget:KilobytesPerAccount"));
            }
        }
        return problems;
    }

    /// An account's run ran past the check's budget: the rule that had spent the most of it on that account is refused.
    private static RuleCostReport Stopped(List<CompiledRule> rules, Run run, int subjects, int measured,
        int rounds, TimeSpan elapsed, RuleCostOptions options)
    {
        var culprit = 0;
        for (var r = 0; r < rules.Count; r++)
        {
            if (run.Ticks[r] > run.Ticks[culprit])
            {
                culprit = r;
            }
        }
        var rule = rules[culprit];
        var spent = Milliseconds(run.Ticks[culprit]);
        var problem = Problem(rule,
            $"rule {rule.Name} costs more than {Format(spent)} ms per account (it was stopped on {run.Subject} after {Format(spent)} ms); " +
            $"the limit is {Format(options.MillisecondsPerAccount)} ms",
            $"The cost check gives one account {Format(run.Budget.TotalMilliseconds)} ms. Make the rule cheaper (the signals helpers instead of " +
            "loops over signals.All, fewer nested loops)");
        var costs = new List<RuleCost> { new(rule, spent, run.Bytes[culprit] / 1024.0, 1, run.Subject, spent) };
        return new RuleCostReport(subjects, measured, Math.Max(1, rounds), elapsed, costs, [problem]);
    }

    /// At the rule's expression, like the other problems of a rule, so the editor marks that line.
    private static RuleProblem Problem(CompiledRule rule, string message, string suggestion)
    {
        var definition = rule.Definition;
        return new RuleProblem(definition.File, definition.Workflow, definition.Name, message,
            definition.Source?.ExpressionLine ?? definition.Line, Suggestion: suggestion + ".");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// 40, 2.5, 0.0123, 0.0001: whole numbers from 100, otherwise three significant digits.
    public static string Format(double value)
    {
        if (value >= 100)
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }
        if (value <= 0)
        {
            return "0";
        }
        var digits = Math.Clamp(2 - (int)Math.Floor(Math.Log10(value)), 0, 12);
        return Math.Round(value, digits).ToString("0.############", CultureInfo.InvariantCulture);
    }

    /// One account's evaluation with every rule timed and its allocations counted.
    private sealed class Run
    {
        private readonly Dictionary<CompiledRule, int> _index;
        private readonly RuleVerdict _timed;

        public Run(List<CompiledRule> rules)
        {
            _index = rules.Select((rule, i) => (rule, i)).ToDictionary(p => p.rule, p => p.i);
            Ticks = new long[rules.Count];
            Bytes = new long[rules.Count];
            _timed = Timed;
        }

        public long[] Ticks { get; }
        public long[] Bytes { get; }
        public string Subject { get; private set; } = "";
        public TimeSpan Budget { get; private set; }

        private int _current = -1;
        private long _currentStarted;
        private long _currentAllocated;

        public void Once(Ruleset ruleset, RuleCostSubject subject, TimeSpan budget, double hysteresisMargin)
        {
            Array.Clear(Ticks);
            Array.Clear(Bytes);
            (Subject, Budget) = (subject.Label, budget);
            var timeBudget = new RuleTimeBudget(TimeProvider.System, budget, subject.Label);
            try
            {
                ruleset.Evaluate(subject.Account, new SignalWindow(subject.Signals, subject.Now, timeBudget), hysteresisMargin, _timed, timeBudget);
            }
            catch (RuleBudgetExceededException)
            {
                // Stopped inside a rule: what it had spent until then is its cost on this account.
                if (_current >= 0)
                {
                    Ticks[_current] += Stopwatch.GetTimestamp() - _currentStarted;
                    Bytes[_current] += GC.GetAllocatedBytesForCurrentThread() - _currentAllocated;
                }
                throw;
            }
            finally
            {
                _current = -1;
            }
        }

        private bool Timed(CompiledRule rule, AccountFacts account, SignalWindow signals, ScoreFacts score)
        {
            _current = _index[rule];
            _currentAllocated = GC.GetAllocatedBytesForCurrentThread();
            _currentStarted = Stopwatch.GetTimestamp();
            var passed = rule.Passes(account, signals, score);
            var ended = Stopwatch.GetTimestamp();
            Bytes[_current] += GC.GetAllocatedBytesForCurrentThread() - _currentAllocated;
            Ticks[_current] += ended - _currentStarted;
            _current = -1;
            return passed;
        }
    }
}
