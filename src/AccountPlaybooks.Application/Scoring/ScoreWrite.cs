using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;

namespace AccountPlaybooks.Application.Scoring;

/// One account's evaluation result to store: its score row (null when only trigger rules fired), its tier change
/// (null when the tier stayed), and whether the new tier is the worst one (a disqualification, for exit policies).
public sealed record ScoreWrite(EvaluatedAccount Account, AccountScore? Row, bool IsNew, TierChange? TierChange, bool Disqualified)
{
    /// The segments the account entered and left and its motion change (playbooks start on them too).
    public MembershipChanges Memberships { get; init; } = MembershipChanges.None;

    /// A tier, segment or motion change or a fired trigger rule: the account's playbooks must hear of it in the same
    /// unit (ADR 0029).
    public bool HasConsequences => TierChange is not null || Memberships.Any || Account.Outcome.Triggers.Count > 0;

    /// Attached only now, so the loaded Version is the concurrency check and a renewed row is written.
    public void Attach(AppDbContext db)
    {
        if (TierChange is not null)
        {
            db.TierChanges.Add(TierChange);
        }
        db.SegmentChanges.AddRange(Memberships.Segments);
        if (Memberships.Motion is not null)
        {
            db.MotionChanges.Add(Memberships.Motion);
        }
        if (Row is null)
        {
            return;
        }
        if (IsNew)
        {
            db.AccountScores.Add(Row);
        }
        else
        {
            db.AccountScores.Update(Row);
        }
    }
}
