using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Scoring;

/// The segments an account entered and left and its motion change, between its stored score and a new outcome.
public sealed record MembershipChanges(IReadOnlyList<SegmentChange> Segments, MotionChange? Motion)
{
    public static readonly MembershipChanges None = new([], null);

    public bool Any => Segments.Count > 0 || Motion is not null;

    public IEnumerable<string> Entered => Segments.Where(s => s.Entered).Select(s => s.Segment);

    public IEnumerable<string> Left => Segments.Where(s => !s.Entered).Select(s => s.Segment);

    public static MembershipChanges Between(string accountId, AccountScore? stored, RuleOutcome outcome, string rulesetVersion, DateTime now)
    {
        var before = stored?.Segments ?? [];
        var changes = new List<SegmentChange>();
        foreach (var entered in outcome.Segments.Where(s => !before.Contains(s.Segment)))
        {
            changes.Add(new SegmentChange
            {
                AccountId = accountId, Segment = entered.Segment, Entered = true, ChangedAt = now, Rule = entered.Rule, Reason = entered.Reason,
                RulesetVersion = rulesetVersion,
            });
        }
        foreach (var left in before.Where(b => outcome.Segments.All(s => s.Segment != b)))
        {
            changes.Add(new SegmentChange { AccountId = accountId, Segment = left, Entered = false, ChangedAt = now, RulesetVersion = rulesetVersion });
        }
        var motion = stored?.Motion == outcome.Motion?.Motion ? null : new MotionChange
        {
            AccountId = accountId, FromMotion = stored?.Motion, ToMotion = outcome.Motion?.Motion, ChangedAt = now, Rule = outcome.Motion?.Rule,
            Reason = outcome.Motion?.Reason, RulesetVersion = rulesetVersion,
        };
        return new MembershipChanges(changes, motion);
    }
}
