using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// One account the cost check runs the rules on: a golden case or a stored account with its signals in the window.
public sealed record RuleCostSubject(string Label, AccountFacts Account, IReadOnlyList<SignalFact> Signals, DateTime Now)
{
    /// Every case of the readable case files, as GoldenCases.Evaluate builds it.
    public static List<RuleCostSubject> FromGoldenCases(IEnumerable<RuleFile> caseFiles) => caseFiles
        .SelectMany(file => GoldenCases.Read(file).Cases)
        .Select(golden => new RuleCostSubject($"golden case \"{golden.Name}\"", golden.Account,
            golden.Signals.Select((s, i) => new SignalFact($"golden-{i + 1}", s.Type, golden.Now.AddDays(-s.DaysAgo), s.Properties)).ToList(),
            golden.Now))
        .ToList();
}
