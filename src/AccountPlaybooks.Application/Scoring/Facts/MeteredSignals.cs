using System.Collections;
using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// The signals as a rule walks them during an evaluation: every item read counts a step of the account's
/// <see cref="RuleTimeBudget"/>, so loops over signals stop when the budget is spent, however deeply nested.
internal sealed class MeteredSignals(IReadOnlyList<SignalFact> signals, RuleTimeBudget budget) : IReadOnlyList<SignalFact>
{
    public int Count => signals.Count;

    public SignalFact this[int index]
    {
        get
        {
            budget.Step();
            return signals[index];
        }
    }

    public IEnumerator<SignalFact> GetEnumerator()
    {
        for (var i = 0; i < signals.Count; i++)
        {
            budget.Step();
            yield return signals[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
