using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Accounts;

/// The segments an account is in and a customer's motion, each with the rule, reason and time it came from, and the
/// history of entering and leaving them (newest first).
public sealed record AccountMemberships(IReadOnlyList<MembershipView> Segments, MembershipView? Motion, IReadOnlyList<MembershipChangeView> History)
{
    public const int HistoryLength = 50;

    public static async Task<AccountMemberships> ReadAsync(AppDbContext db, string accountId, AccountScore? score, CancellationToken cancellationToken)
    {
        var segmentChanges = await db.SegmentChanges.AsNoTracking().Where(c => c.AccountId == accountId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(HistoryLength).ToListAsync(cancellationToken);
        var motionChanges = await db.MotionChanges.AsNoTracking().Where(c => c.AccountId == accountId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(HistoryLength).ToListAsync(cancellationToken);
        var segments = (score?.Segments ?? []).Select(segment => segmentChanges.FirstOrDefault(c => c.Segment == segment && c.Entered) is { } entered
            ? new MembershipView(segment, entered.Rule, entered.Reason, entered.ChangedAt)
            : new MembershipView(segment, null, null, null)).ToList();
        var motion = score?.Motion is not { } current ? null
            : motionChanges.FirstOrDefault(c => c.ToMotion == current) is { } change
                ? new MembershipView(current, change.Rule, change.Reason, change.ChangedAt)
                : new MembershipView(current, null, null, null);
        var history = segmentChanges.Select(c => new MembershipChangeView("segment", c.Entered ? null : c.Segment, c.Entered ? c.Segment : null, c.ChangedAt,
                c.Rule, c.Reason))
            .Concat(motionChanges.Select(c => new MembershipChangeView("motion", c.FromMotion, c.ToMotion, c.ChangedAt, c.Rule, c.Reason)))
            .OrderByDescending(c => c.ChangedAt).Take(HistoryLength).ToList();
        return new AccountMemberships(segments, motion, history);
    }
}

/// A segment or motion the account is in: the rule that put it there, its reason, and since when (null for rows stored
/// before the history was kept).
public sealed record MembershipView(string Name, string? Rule, string? Reason, DateTime? Since);

/// One move: Kind "segment" (From set: left it; To set: entered it) or "motion" (from one motion to another, null: none).
public sealed record MembershipChangeView(string Kind, string? From, string? To, DateTime ChangedAt, string? Rule, string? Reason);
