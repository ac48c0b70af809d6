using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class TierProposalConfiguration : IEntityTypeConfiguration<TierProposal>
{
    public void Configure(EntityTypeBuilder<TierProposal> proposal)
    {
        proposal.HasKey(p => p.Id);
        proposal.Property(p => p.AccountId).HasMaxLength(128);
        proposal.Property(p => p.FromTier).HasMaxLength(64);
        proposal.Property(p => p.ToTier).HasMaxLength(64);
        proposal.Property(p => p.Kind).HasMaxLength(32);
        proposal.Property(p => p.RulesetVersion).HasMaxLength(16);
        proposal.Property(p => p.Status).HasMaxLength(16);
        proposal.Property(p => p.DecidedBy).HasMaxLength(256);
        proposal.Property(p => p.Note).HasMaxLength(TierReview.MaxNoteLength);
        proposal.Property(p => p.CauseRules).HasJsonConversion();
        proposal.Property(p => p.CauseSignalIds).HasJsonConversion();
        proposal.Property(p => p.Components).HasJsonConversion();
        proposal.Property(p => p.Reasons).HasJsonConversion();
        proposal.Property(p => p.Version).IsConcurrencyToken();
        proposal.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasOne<TierReview>().WithMany().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.SetNull);
        // Never two pending proposals for one account, whichever node evaluates it.
        proposal.HasIndex(p => p.AccountId, "IX_TierProposals_OnePending").IsUnique().HasFilter("\"Status\" = 'pending'");
        proposal.HasIndex(p => new { p.AccountId, p.Status, p.DecidedAt });
        proposal.HasIndex(p => new { p.Status, p.ProposedAt });
    }
}

internal sealed class TierReviewConfiguration : IEntityTypeConfiguration<TierReview>
{
    public void Configure(EntityTypeBuilder<TierReview> review)
    {
        review.HasKey(r => r.Id);
        review.Property(r => r.DecidedBy).HasMaxLength(256);
        review.Property(r => r.Decision).HasMaxLength(16);
        review.Property(r => r.Note).HasMaxLength(TierReview.MaxNoteLength);
        review.HasIndex(r => r.DecidedAt);
    }
}
