using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// An account's recent signals and the helpers rules use on them (parameter name <c>signals</c>).
/// Time is measured from <see cref="Now"/>, the evaluation time, never the clock. Every helper remembers
/// which signals it counted, so a passing rule can name its evidence. Only members with a [RuleDoc] are reachable
/// from a rule. With a <see cref="RuleTimeBudget"/>, walking the signals counts against it (MeteredSignals).
[RuleDoc("The account's recent signals, with helpers that count them in a window of days and remember the evidence")]
public sealed class SignalWindow(IReadOnlyList<SignalFact> signals, DateTime now, RuleTimeBudget? budget = null)
{
    public const double Never = 9999;

    private readonly HashSet<string> _evidence = [];
    private readonly HashSet<string> _distinct = new(StringComparer.OrdinalIgnoreCase);

    [RuleDoc("The evaluation time; use it instead of DateTime.Now", Example = "signals.All.Any(s => s.OccurredAt > signals.Now.AddDays(-7))")]
    public DateTime Now { get; } = now;

    [RuleDoc("Every signal in the window, each with Id, Type, OccurredAt and Properties; prefer the counting helpers, which record evidence", Example = "signals.All.Any(s => s.Type == \"champion_joined\")")]
    public IReadOnlyList<SignalFact> All { get; } = budget is null ? signals : new MeteredSignals(signals, budget);

    // The helpers walk All by index (each read counts against the budget, as enumerating did) and count in place:
    // no filtered copies per call (docs/performance.md, item 6). What they count and mark is unchanged.

    [RuleDoc("Signals of a type at most `days` old", Example = "signals.Count(\"email_reply\", 30) >= 1")]
    public int Count(string type, int days)
    {
        var count = 0;
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if (signal.Type == type && Within(signal, days))
            {
                Mark(signal);
                count++;
            }
        }
        return count;
    }

    [RuleDoc("Like Count, only signals whose property equals the value (ignoring case; a trailing * matches a prefix: \"Series*\")", Example = "signals.CountWhere(\"funding_round\", 90, \"round\", \"Series*\") >= 1")]
    public int CountWhere(string type, int days, string property, string value)
    {
        var count = 0;
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if (signal.Type == type && Within(signal, days) && Matches(signal, property, value))
            {
                Mark(signal);
                count++;
            }
        }
        return count;
    }

    [RuleDoc("Signals of any type at most `days` old", Example = "signals.CountAll(7) >= 10")]
    public int CountAll(int days)
    {
        var count = 0;
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if (Within(signal, days))
            {
                Mark(signal);
                count++;
            }
        }
        return count;
    }

    [RuleDoc("How many different values a property took (ignoring case), e.g. distinct pages visited", Example = "signals.DistinctValues(\"page_visit\", 30, \"page\") >= 2")]
    public int DistinctValues(string type, int days, string property) => Distinct(type, days, property);

    [RuleDoc("How many different people (the \"contact\" property) were active across all types: multi-threading", Example = "signals.DistinctContacts(30) >= 3")]
    public int DistinctContacts(int days) => Distinct(null, days, "contact");

    [RuleDoc("Days since the newest signal of a type (2 decimals); 9999 if there is none", Example = "signals.DaysSince(\"meeting_booked\") <= 14")]
    public double DaysSince(string type)
    {
        DateTime? newest = null;
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if (signal.Type == type)
            {
                newest = Newer(newest, signal);
            }
        }
        return DaysSinceNewest(newest);
    }

    [RuleDoc("Days since the newest signal of any of a comma-separated list of types; 9999 if none", Example = "signals.DaysSinceAnyOf(\"email_reply,meeting_booked\") > 60")]
    public double DaysSinceAnyOf(string types)
    {
        var wanted = ListText.Split(types);
        DateTime? newest = null;
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if (Array.IndexOf(wanted, signal.Type) >= 0)
            {
                newest = Newer(newest, signal);
            }
        }
        return DaysSinceNewest(newest);
    }

    /// This is how scores decay as signals age.
    [RuleDoc("A count where each signal weighs 0.5^(age / half-life): yesterday's counts almost 1, one a half-life old 0.5", Example = "signals.Decayed(\"email_open\", 7) >= 2")]
    public double Decayed(string type, double halfLifeDays)
    {
        // Summed in the signals' order, like Enumerable.Sum, so the total is the same to the last bit.
        var total = 0.0;
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if (signal.Type == type && signal.OccurredAt <= Now)
            {
                Mark(signal);
                total += Math.Pow(0.5, AgeDays(signal) / halfLifeDays);
            }
        }
        return total;
    }

    /// Ids of the signals the helpers counted since the last <see cref="TakeEvidence"/>. For the evaluator, not for
    /// rules: without a [RuleDoc] the sandbox refuses it in an expression.
    public IReadOnlyList<string> TakeEvidence()
    {
        var ids = _evidence.ToList();
        _evidence.Clear();
        return ids;
    }

    /// Forgets what was counted (a rule that failed has no evidence) without copying it.
    internal void ClearEvidence() => _evidence.Clear();

    /// Moves what was counted into <paramref name="target"/> (in the order it was counted, like TakeEvidence).
    internal void MoveEvidenceTo(List<string> target)
    {
        target.AddRange(_evidence);
        _evidence.Clear();
    }

    private bool Within(SignalFact signal, int days) => signal.OccurredAt <= Now && AgeDays(signal) <= days;

    private double AgeDays(SignalFact signal) => (Now - signal.OccurredAt).TotalDays;

    /// Distinct values of a property (ignoring case) among the signals of a type (or any type) at most `days`
    /// old that have it; every such signal is evidence, whether its value was new or not.
    private int Distinct(string? type, int days, string property)
    {
        _distinct.Clear();
        for (var i = 0; i < All.Count; i++)
        {
            var signal = All[i];
            if ((type is null || signal.Type == type) && Within(signal, days) && signal.Properties.TryGetValue(property, out var value))
            {
                Mark(signal);
                _distinct.Add(value);
            }
        }
        return _distinct.Count;
    }

    private DateTime? Newer(DateTime? newest, SignalFact signal) =>
        signal.OccurredAt <= Now && (newest is null || signal.OccurredAt > newest) ? signal.OccurredAt : newest;

    private double DaysSinceNewest(DateTime? newest) => newest is { } at ? Math.Round((Now - at).TotalDays, 2) : Never;

    private static bool Matches(SignalFact signal, string property, string value) =>
        signal.Properties.TryGetValue(property, out var actual) && (value.EndsWith('*')
            ? actual.StartsWith(value[..^1], StringComparison.OrdinalIgnoreCase)
            : actual.Equals(value, StringComparison.OrdinalIgnoreCase));

    private void Mark(SignalFact signal) => _evidence.Add(signal.Id);
}
