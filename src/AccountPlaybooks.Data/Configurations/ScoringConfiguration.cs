using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class AccountScoreConfiguration : IEntityTypeConfiguration<AccountScore>
{
    public void Configure(EntityTypeBuilder<AccountScore> score)
    {
        score.HasKey(s => s.AccountId);
        score.Property(s => s.AccountId).HasMaxLength(128);
        score.Property(s => s.Tier).HasMaxLength(64);
        score.Property(s => s.HeldTier).HasMaxLength(64);
        score.Property(s => s.ReviewFlag).HasMaxLength(512);
        score.Property(s => s.RulesetVersion).HasMaxLength(16);
        score.Property(s => s.Components).HasJsonConversion();
        score.Property(s => s.Reasons).HasJsonConversion();
        score.Property(s => s.Segments).HasJsonConversion();
        score.Property(s => s.Motion).HasMaxLength(64);
        score.Property(s => s.Version).IsConcurrencyToken();
        score.HasOne<Account>().WithOne().HasForeignKey<AccountScore>(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        score.HasIndex(s => new { s.Tier, s.Composite });
        // The accounts table sorted by score: composite, then id for stable pages.
        score.HasIndex(s => new { s.Composite, s.AccountId });
    }
}

internal sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.AccountId).HasMaxLength(128);
        change.Property(c => c.FromTier).HasMaxLength(64);
        change.Property(c => c.ToTier).HasMaxLength(64);
        change.Property(c => c.Kind).HasMaxLength(32);
        change.Property(c => c.RulesetVersion).HasMaxLength(16);
        change.Property(c => c.ApprovedBy).HasMaxLength(256);
        change.Property(c => c.CauseRules).HasJsonConversion();
        change.Property(c => c.CauseSignalIds).HasJsonConversion();
        change.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.AccountId, c.ChangedAt });
        change.HasIndex(c => c.ChangedAt);
    }
}

internal sealed class SegmentChangeConfiguration : IEntityTypeConfiguration<SegmentChange>
{
    public void Configure(EntityTypeBuilder<SegmentChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.AccountId).HasMaxLength(128);
        change.Property(c => c.Segment).HasMaxLength(64);
        change.Property(c => c.Rule).HasMaxLength(256);
        change.Property(c => c.Reason).HasMaxLength(512);
        change.Property(c => c.RulesetVersion).HasMaxLength(16);
        change.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.AccountId, c.ChangedAt });
        change.HasIndex(c => c.ChangedAt);
    }
}

internal sealed class MotionChangeConfiguration : IEntityTypeConfiguration<MotionChange>
{
    public void Configure(EntityTypeBuilder<MotionChange> change)
    {
        change.HasKey(c => c.Id);
        change.Property(c => c.AccountId).HasMaxLength(128);
        change.Property(c => c.FromMotion).HasMaxLength(64);
        change.Property(c => c.ToMotion).HasMaxLength(64);
        change.Property(c => c.Rule).HasMaxLength(256);
        change.Property(c => c.Reason).HasMaxLength(512);
        change.Property(c => c.RulesetVersion).HasMaxLength(16);
        change.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        change.HasIndex(c => new { c.AccountId, c.ChangedAt });
        change.HasIndex(c => c.ChangedAt);
    }
}

internal sealed class RulesetRecordConfiguration : IEntityTypeConfiguration<RulesetRecord>
{
    public void Configure(EntityTypeBuilder<RulesetRecord> ruleset)
    {
        ruleset.HasKey(r => r.Id);
        ruleset.Property(r => r.Id).HasMaxLength(16);
        ruleset.Property(r => r.Hash).HasMaxLength(64);
        ruleset.Property(r => r.Author).HasMaxLength(256);
        ruleset.Property(r => r.Note).HasMaxLength(RulesetRecord.MaxNoteLength);
        ruleset.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        ruleset.Property(r => r.Messages).HasJsonConversion();
        ruleset.Property(r => r.Files).HasJsonConversion();
        ruleset.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class EvaluationRunConfiguration : IEntityTypeConfiguration<EvaluationRun>
{
    public void Configure(EntityTypeBuilder<EvaluationRun> run)
    {
        run.HasKey(r => r.Id);
        run.Property(r => r.Trigger).HasMaxLength(128);
        run.Property(r => r.RulesetVersion).HasMaxLength(16);
        run.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        run.Property(r => r.Error).HasMaxLength(2048);
        run.Property(r => r.Runner).HasMaxLength(128);
        run.Property(r => r.Requests).HasDefaultValue(1);
        run.HasIndex(r => r.RequestedAt);
        // At most one run queued and one running, whoever asks or runs (server nodes, the CLI): the database says no
        // to a second, which is what makes requests coalesce and runs take turns across processes.
        run.HasIndex(r => r.Status, "IX_EvaluationRuns_OneQueued").IsUnique().HasFilter("\"Status\" = 'Queued'");
        run.HasIndex(r => r.Status, "IX_EvaluationRuns_OneRunning").IsUnique().HasFilter("\"Status\" = 'Running'");
    }
}
