using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Reviews;

/// Review mode's step between the tier policy and the stored result (docs/adr/0037): a score-driven move of a chosen
/// kind does not happen — the account keeps its tier and a proposal holds the move with its cause and evidence. Off,
/// it reads nothing and changes nothing.
public sealed class TierReviewGate(AppDbContext db, TierReviewOptions options)
{
    /// The pending proposals and recent rejections of a chunk's accounts (a range when the chunk is consecutive).
    public async Task<TierReviewBook> OpenAsync(IReadOnlyList<string> ids, bool consecutive, DateTime now, CancellationToken cancellationToken)
    {
        if (!options.Enabled || ids.Count == 0)
        {
            return TierReviewBook.Off;
        }
        var (first, last) = (ids[0], ids[^1]);
        var quietSince = now.AddDays(-options.RejectionQuietDays);
        var proposals = consecutive
            ? db.TierProposals.Where(p => string.Compare(p.AccountId, first) >= 0 && string.Compare(p.AccountId, last) <= 0)
            : db.TierProposals.Where(p => ids.Contains(p.AccountId));
        var open = await proposals.AsNoTracking()
            .Where(p => p.Status == TierProposalStatus.Pending || (p.Status == TierProposalStatus.Rejected && p.DecidedAt >= quietSince))
            .ToListAsync(cancellationToken);
        return new TierReviewBook(options, open);
    }
}

/// One chunk's proposals: what the evaluation of each account does to them, collected as <see cref="Changes"/> for
/// <see cref="EvaluationWriter"/> to store with the chunk.
public sealed class TierReviewBook
{
    public static readonly TierReviewBook Off = new(new TierReviewOptions(), []);

    private readonly TierReviewOptions _options;
    private readonly Dictionary<string, TierProposal> _pending;
    private readonly ILookup<string, TierProposal> _rejected;
    private readonly List<TierProposal> _changes = [];

    public TierReviewBook(TierReviewOptions options, IReadOnlyList<TierProposal> open)
    {
        _options = options;
        _pending = open.Where(p => p.Status == TierProposalStatus.Pending).ToDictionary(p => p.AccountId);
        _rejected = open.Where(p => p.Status == TierProposalStatus.Rejected).ToLookup(p => p.AccountId);
    }

    /// Proposals created, updated or withdrawn by this chunk's evaluations.
    public IReadOnlyList<TierProposal> Changes => _changes;

    /// The decision to store: the policy's own, or — for a move that waits for review — the current tier kept, with
    /// the move proposed (or the pending proposal brought up to date). A pending proposal the rules no longer make is
    /// withdrawn.
    public TierDecision Review(Ruleset rules, RuleOutcome outcome, TierState? current, TierDecision decision, string accountId, DateTime now)
    {
        if (!_options.Enabled)
        {
            return decision;
        }
        var pending = _pending.GetValueOrDefault(accountId);
        if (current is null || !Waits(rules, current, decision))
        {
            if (pending is not null)
            {
                pending.Status = TierProposalStatus.Withdrawn;
                pending.DecidedAt = now;
                pending.DecidedBy = "evaluation";
                pending.Note = decision.Tier == current?.Tier
                    ? $"the rules keep the account in {decision.Tier}"
                    : $"the account moved to {decision.Tier} ({decision.Kind})";
                _changes.Add(pending);
            }
            return decision;
        }
        var kept = decision with { Tier = current.Tier };
        if (pending is null && _rejected[accountId].Any(r => r.FromTier == current.Tier && r.ToTier == decision.Tier))
        {
            return kept; // the manager said no to this very move lately: not asked again until the quiet days pass
        }
        var proposal = pending ?? new TierProposal
        {
            AccountId = accountId, FromTier = current.Tier, ToTier = decision.Tier, Kind = decision.Kind, RulesetVersion = rules.Version,
            ProposedAt = now,
        };
        if (pending is null || !Same(pending, current, decision, outcome, rules))
        {
            proposal.FromTier = current.Tier;
            proposal.ToTier = decision.Tier;
            proposal.Kind = decision.Kind;
            proposal.CauseRules = decision.CauseRules.ToList();
            proposal.CauseSignalIds = decision.CauseSignalIds.ToList();
            proposal.RulesetVersion = rules.Version;
            proposal.Composite = outcome.Composite;
            proposal.Components = outcome.Components.ToDictionary();
            proposal.Reasons = outcome.Reasons.ToList();
            proposal.UpdatedAt = now;
            _changes.Add(proposal);
        }
        return kept;
    }

    /// Score-driven moves of the configured kinds out of the configured tiers. First evaluations, triggers, holds and
    /// a new ruleset's re-tiering never wait.
    private bool Waits(Ruleset rules, TierState current, TierDecision decision)
    {
        if (decision.Kind != "score" || decision.Tier == current.Tier)
        {
            return false;
        }
        var demotion = rules.RankOf(decision.Tier) > rules.RankOf(current.Tier);
        var kind = _options.Moves switch
        {
            TierReviewOptions.Demotions => demotion,
            TierReviewOptions.Promotions => !demotion,
            _ => true,
        };
        return kind && (_options.FromTiers.Count == 0 || _options.FromTiers.Contains(current.Tier, StringComparer.OrdinalIgnoreCase));
    }

    private static bool Same(TierProposal pending, TierState current, TierDecision decision, RuleOutcome outcome, Ruleset rules) =>
        pending.FromTier == current.Tier && pending.ToTier == decision.Tier && pending.Kind == decision.Kind && pending.RulesetVersion == rules.Version &&
        pending.Composite == outcome.Composite && pending.CauseRules.SequenceEqual(decision.CauseRules) &&
        pending.CauseSignalIds.SequenceEqual(decision.CauseSignalIds) && pending.Reasons.SequenceEqual(outcome.Reasons) &&
        pending.Components.OrderBy(c => c.Key).SequenceEqual(outcome.Components.OrderBy(c => c.Key));

    /// Adds the chunk's proposal changes to the unit of work (a loaded pending proposal is updated on its Version).
    public static void Attach(AppDbContext db, IReadOnlyList<TierProposal> changes)
    {
        foreach (var proposal in changes)
        {
            if (proposal.Id == 0)
            {
                db.TierProposals.Add(proposal);
            }
            else
            {
                db.TierProposals.Update(proposal);
            }
        }
    }
}
