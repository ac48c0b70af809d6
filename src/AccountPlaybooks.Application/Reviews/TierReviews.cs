using AccountPlaybooks.Application.Crm;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Audit;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reviews;

/// The managers' side of review mode (docs/adr/0037): the proposals with their evidence, and decisions on them. An
/// approval makes the move the evaluation held back — its tier change with the original cause (and who approved),
/// the score row's tier, the playbooks it ends and starts — and a rejection keeps the tier; each decision, one
/// proposal or many, is one transaction with its review record (audited).
public sealed class TierReviews(AppDbContext db, PlaybookDelivery delivery, AccountChanges changes, RulesetRegistry registry, TierReviewOptions options,
    TimeProvider clock)
{
    public const string Approve = "approve", Reject = "reject";

    public async Task<TierProposalPage> ListAsync(TierProposalQuery query, CancellationToken cancellationToken)
    {
        var status = string.IsNullOrWhiteSpace(query.Status) ? TierProposalStatus.Pending : query.Status.Trim().ToLowerInvariant();
        if (status != "any" && !TierProposalStatus.All.Contains(status))
        {
            throw new ValidationException("status", $"status must be one of {string.Join(", ", TierProposalStatus.All)} or any, not \"{query.Status}\"");
        }
        var proposals = Filter(status == "any" ? db.TierProposals : db.TierProposals.Where(p => p.Status == status), query.FromTier, query.ToTier);
        var total = await proposals.CountAsync(cancellationToken);
        var rows = await (from p in proposals.OrderBy(p => p.Status == TierProposalStatus.Pending ? 0 : 1).ThenBy(p => p.Id)
                              .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
                          join a in db.Accounts on p.AccountId equals a.Id
                          select new { Proposal = p, a.Name, OwnerId = a.AeOwnerId ?? a.SdrOwnerId })
            .AsNoTracking().ToListAsync(cancellationToken);
        var ownerIds = rows.Select(r => r.OwnerId).OfType<string>().Distinct().ToList();
        var owners = await db.Reps.AsNoTracking().Where(r => ownerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var counts = await db.TierProposals.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new TierProposalPage(
            rows.Select(r => View(r.Proposal, r.Name, r.OwnerId, r.OwnerId is null ? null : owners.GetValueOrDefault(r.OwnerId))).ToList(),
            query.Page, query.PageSize, total,
            TierProposalStatus.All.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0), options.Enabled);
    }

    /// Decides the listed proposals (or every pending one matching the filter) in one transaction. A proposal that is
    /// no longer pending, or whose account has left its from-tier since, is skipped and named.
    public async Task<TierReviewView> DecideAsync(TierDecisionInput input, CancellationToken cancellationToken)
    {
        var decision = Validate(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var decidedBy = (AuditActor.Current ?? AuditActor.System).Name;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var asked = input.All
            ? await Filter(db.TierProposals.Where(p => p.Status == TierProposalStatus.Pending), input.FromTier, input.ToTier)
                .OrderBy(p => p.Id).ToListAsync(cancellationToken)
            : await db.TierProposals.Where(p => input.Ids!.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var review = new TierReview { DecidedBy = decidedBy, DecidedAt = now, Decision = decision, Note = Blank(input.Note) };
        var skipped = new List<SkippedProposal>();
        if (!input.All)
        {
            skipped.AddRange(input.Ids!.Except(asked.Select(p => p.Id)).Distinct().Select(id => new SkippedProposal(id, "", "no such proposal")));
        }
        var worst = registry.Active?.TierRules.MaxBy(t => t.Rank)?.Tier;
        var (decided, moves) = (new List<TierProposal>(), new List<(TierProposal Proposal, AccountScore Score, TierChange Change)>());
        foreach (var proposal in asked)
        {
            if (proposal.Status != TierProposalStatus.Pending)
            {
                skipped.Add(new SkippedProposal(proposal.Id, proposal.AccountId, $"already {proposal.Status}"));
                continue;
            }
            var score = await db.AccountScores.SingleOrDefaultAsync(s => s.AccountId == proposal.AccountId, cancellationToken);
            if (score is null || score.Tier != proposal.FromTier)
            {
                skipped.Add(new SkippedProposal(proposal.Id, proposal.AccountId, $"the account is in {score?.Tier ?? "no tier"} now, not {proposal.FromTier}"));
                continue;
            }
            (proposal.Status, proposal.DecidedBy, proposal.DecidedAt, proposal.Note) = (
                decision == Approve ? TierProposalStatus.Approved : TierProposalStatus.Rejected, decidedBy, now, review.Note);
            decided.Add(proposal);
            if (decision == Approve)
            {
                score.Tier = proposal.ToTier;
                score.TierSince = now;
                var change = new TierChange
                {
                    AccountId = proposal.AccountId, FromTier = proposal.FromTier, ToTier = proposal.ToTier, ChangedAt = now, Kind = proposal.Kind,
                    CauseRules = proposal.CauseRules.ToList(), CauseSignalIds = proposal.CauseSignalIds.ToList(),
                    RulesetVersion = proposal.RulesetVersion, ApprovedBy = decidedBy,
                };
                db.TierChanges.Add(change);
                moves.Add((proposal, score, change));
            }
            review.Approved += decision == Approve ? 1 : 0;
            review.Rejected += decision == Reject ? 1 : 0;
        }
        review.Skipped = skipped.Count;
        if (decided.Count == 0)
        {
            return ViewOf(review, skipped); // nothing decided, nothing recorded (the transaction rolls back unused)
        }
        db.TierReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            decided.ForEach(p => p.ReviewId = review.Id); // the review has its id now
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var (move, score, change) in moves)
            {
                // The same steps an evaluation's tier change takes: the instances that exit on it end, the tier's playbooks
                // start, and the account event and CRM fields go out (docs/crm.md).
                await delivery.TierMovedAsync(move.AccountId, move.FromTier, move.ToTier, move.ToTier == worst, cancellationToken);
                var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == move.AccountId, cancellationToken);
                await changes.TierMovedAsync(account, score, change, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyException("an evaluation changed one of these accounts or proposals while you decided; reload and decide again");
        }
        return ViewOf(review, skipped);
    }

    public Task<bool> ExistsAsync(long id, CancellationToken cancellationToken) => db.TierProposals.AnyAsync(p => p.Id == id, cancellationToken);

    public async Task<TierReviewHistory> HistoryAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await db.TierReviews.CountAsync(cancellationToken);
        var reviews = await db.TierReviews.AsNoTracking().OrderByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new TierReviewHistory(reviews.Select(r => ViewOf(r, [])).ToList(), page, pageSize, total);
    }

    private static string Validate(TierDecisionInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var decision = input.Decision?.Trim().ToLowerInvariant();
        if (decision is not (Approve or Reject))
        {
            errors["decision"] = [$"decision must be \"{Approve}\" or \"{Reject}\""];
        }
        if (input.All == input.Ids is { Count: > 0 })
        {
            errors["ids"] = [input.All ? "give either ids or all, not both" : "give the proposal ids to decide, or all: true for every pending proposal matching fromTier/toTier"];
        }
        if (input.Ids is { Count: > 1000 })
        {
            errors["ids"] = ["at most 1000 ids at once; use all with a filter for more"];
        }
        if (input.Note is { Length: > TierReview.MaxNoteLength })
        {
            errors["note"] = [$"at most {TierReview.MaxNoteLength} characters"];
        }
        return errors.Count > 0 ? throw new ValidationException(errors) : decision!;
    }

    private static IQueryable<TierProposal> Filter(IQueryable<TierProposal> proposals, string? fromTier, string? toTier)
    {
        if (!string.IsNullOrWhiteSpace(fromTier))
        {
            proposals = proposals.Where(p => p.FromTier == fromTier);
        }
        if (!string.IsNullOrWhiteSpace(toTier))
        {
            proposals = proposals.Where(p => p.ToTier == toTier);
        }
        return proposals;
    }

    private TierProposalView View(TierProposal p, string accountName, string? ownerId, string? ownerName)
    {
        var rules = registry.Active;
        var direction = rules is null ? "move" : rules.RankOf(p.ToTier) > rules.RankOf(p.FromTier) ? "demotion" : "promotion";
        return new TierProposalView(p.Id, p.AccountId, accountName, ownerId, ownerName, p.FromTier, p.ToTier, direction, p.Kind, p.CauseRules,
            p.CauseSignalIds, p.Composite, p.Components, p.Reasons, p.RulesetVersion, p.ProposedAt, p.UpdatedAt, p.Status, p.DecidedBy,
            p.DecidedAt, p.Note, p.ReviewId);
    }

    private static TierReviewView ViewOf(TierReview r, IReadOnlyList<SkippedProposal> skipped) =>
        new(r.Id, r.DecidedBy, r.DecidedAt, r.Decision, r.Approved, r.Rejected, r.Skipped, r.Note, skipped);

    private static string? Blank(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
