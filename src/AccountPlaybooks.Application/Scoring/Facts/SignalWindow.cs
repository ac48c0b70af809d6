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

    [RuleDoc("The evaluation time; use it instead of DateTime.Now", Example = "signals.All.Any(s => s.OccurredAt > signals.Now.AddDays(-7))")]
    public DateTime Now { get; } = now;

    [RuleDoc("Every signal in the window, each with Id, Type, OccurredAt and Properties; prefer the counting helpers, which record evidence", Example = "signals.All.Any(s => s.Type == \"champion_joined\")")]
    public IReadOnlyList<SignalFact> All { get; } = budget is null ? signals : new MeteredSignals(signals, budget);

    [RuleDoc("Signals of a type at most `days` old", Example = "signals.Count(\"email_reply\", 30) >= 1")]
    public int Count(string type, int days) => Mark(Of(type, days)).Count;

    [RuleDoc("Like Count, only signals whose property equals the value (ignoring case; a trailing * matches a prefix: \"Series*\")", Example = "signals.CountWhere(\"funding_round\", 90, \"round\", \"Series*\") >= 1")]
    public int CountWhere(string type, int days, string property, string value) =>
        Mark(Of(type, days).Where(s => Matches(s, property, value)).ToList()).Count;

    [RuleDoc("Signals of any type at most `days` old", Example = "signals.CountAll(7) >= 10")]
    public int CountAll(int days) => Mark(All.Where(s => Within(s, days)).ToList()).Count;

    [RuleDoc("How many different values a property took (ignoring case), e.g. distinct pages visited", Example = "signals.DistinctValues(\"page_visit\", 30, \"page\") >= 2")]
    public int DistinctValues(string type, int days, string property) =>
        Mark(Of(type, days).Where(s => s.Properties.ContainsKey(property)).ToList())
            .Select(s => s.Properties[property]).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    [RuleDoc("How many different people (the \"contact\" property) were active across all types: multi-threading", Example = "signals.DistinctContacts(30) >= 3")]
    public int DistinctContacts(int days) =>
        Mark(All.Where(s => Within(s, days) && s.Properties.ContainsKey("contact")).ToList())
            .Select(s => s.Properties["contact"]).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    [RuleDoc("Days since the newest signal of a type (2 decimals); 9999 if there is none", Example = "signals.DaysSince(\"meeting_booked\") <= 14")]
    public double DaysSince(string type) => DaysSinceNewest(All.Where(s => s.Type == type));

    [RuleDoc("Days since the newest signal of any of a comma-separated list of types; 9999 if none", Example = "signals.DaysSinceAnyOf(\"email_reply,meeting_booked\") > 60")]
    public double DaysSinceAnyOf(string types)
    {
        var wanted = types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return DaysSinceNewest(All.Where(s => wanted.Contains(s.Type)));
    }

    /// This is how scores decay as signals age.
    [RuleDoc("A count where each signal weighs 0.5^(age / half-life): yesterday's counts almost 1, one a half-life old 0.5", Example = "signals.Decayed(\"email_open\", 7) >= 2")]
    public double Decayed(string type, double halfLifeDays) =>
        Mark(All.Where(s => s.Type == type && s.OccurredAt <= Now).ToList())
            .Sum(s => Math.Pow(0.5, AgeDays(s) / halfLifeDays));

    /// Ids of the signals the helpers counted since the last <see cref="TakeEvidence"/>. For the evaluator, not for
    /// rules: without a [RuleDoc] the sandbox refuses it in an expression.
    public IReadOnlyList<string> TakeEvidence()
    {
        var ids = _evidence.ToList();
        _evidence.Clear();
        return ids;
    }

    private List<SignalFact> Of(string type, int days) => All.Where(s => s.Type == type && Within(s, days)).ToList();

    private bool Within(SignalFact signal, int days) => signal.OccurredAt <= Now && AgeDays(signal) <= days;

    private double AgeDays(SignalFact signal) => (Now - signal.OccurredAt).TotalDays;

    private double DaysSinceNewest(IEnumerable<SignalFact> signals)
    {
        var newest = signals.Where(s => s.OccurredAt <= Now).Select(s => (DateTime?)s.OccurredAt).Max();
        return newest is { } at ? Math.Round((Now - at).TotalDays, 2) : Never;
    }

    private static bool Matches(SignalFact signal, string property, string value) =>
        signal.Properties.TryGetValue(property, out var actual) && (value.EndsWith('*')
            ? actual.StartsWith(value[..^1], StringComparison.OrdinalIgnoreCase)
            : actual.Equals(value, StringComparison.OrdinalIgnoreCase));

    private List<SignalFact> Mark(List<SignalFact> counted)
    {
        foreach (var signal in counted)
        {
            _evidence.Add(signal.Id);
        }
        return counted;
    }
}
