namespace AccountPlaybooks.Application.Scoring.Facts;

/// An account's recent signals and the helpers rules use on them (parameter name <c>signals</c>).
/// Time is measured from <see cref="Now"/>, the evaluation time, never the clock. Every helper remembers
/// which signals it counted, so a passing rule can name its evidence.
public sealed class SignalWindow(IReadOnlyList<SignalFact> signals, DateTime now)
{
    public const double Never = 9999;

    private readonly HashSet<string> _evidence = [];

    public DateTime Now { get; } = now;
    public IReadOnlyList<SignalFact> All { get; } = signals;

    /// Signals of a type in the last <paramref name="days"/> days.
    public int Count(string type, int days) => Mark(Of(type, days)).Count;

    /// Like <see cref="Count"/>, only signals whose property equals the value (case-insensitive;
    /// a trailing * matches a prefix: "Series*").
    public int CountWhere(string type, int days, string property, string value) =>
        Mark(Of(type, days).Where(s => Matches(s, property, value)).ToList()).Count;

    /// Signals of any type in the last <paramref name="days"/> days.
    public int CountAll(int days) => Mark(All.Where(s => Within(s, days)).ToList()).Count;

    /// How many different values a property took, e.g. distinct pages visited.
    public int DistinctValues(string type, int days, string property) =>
        Mark(Of(type, days).Where(s => s.Properties.ContainsKey(property)).ToList())
            .Select(s => s.Properties[property]).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// How many different people (the "contact" property) were active: multi-threading.
    public int DistinctContacts(int days) =>
        Mark(All.Where(s => Within(s, days) && s.Properties.ContainsKey("contact")).ToList())
            .Select(s => s.Properties["contact"]).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// Days since the newest signal of a type; 9999 if there is none.
    public double DaysSince(string type) => DaysSinceNewest(All.Where(s => s.Type == type));

    /// Days since the newest signal of any of a comma-separated list of types; 9999 if none.
    public double DaysSinceAnyOf(string types)
    {
        var wanted = types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return DaysSinceNewest(All.Where(s => wanted.Contains(s.Type)));
    }

    /// A count where each signal weighs 0.5^(age / half-life): yesterday's counts almost 1, one a half-life
    /// old counts 0.5. This is how scores decay as signals age.
    public double Decayed(string type, double halfLifeDays) =>
        Mark(All.Where(s => s.Type == type && s.OccurredAt <= Now).ToList())
            .Sum(s => Math.Pow(0.5, AgeDays(s) / halfLifeDays));

    /// Ids of the signals the helpers counted since the last <see cref="TakeEvidence"/>.
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
