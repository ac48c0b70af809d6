using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Playbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class PlaybookVersionConfiguration : IEntityTypeConfiguration<PlaybookVersion>
{
    public void Configure(EntityTypeBuilder<PlaybookVersion> version)
    {
        version.HasKey(v => new { v.DefinitionId, v.Number });
        version.Property(v => v.DefinitionId).HasMaxLength(128);
        version.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        version.Property(v => v.Author).HasMaxLength(256);
        version.Property(v => v.Problems).HasJsonConversion();
    }
}

internal sealed class PlaybookInstanceConfiguration : IEntityTypeConfiguration<PlaybookInstance>
{
    public void Configure(EntityTypeBuilder<PlaybookInstance> instance)
    {
        instance.HasKey(i => i.Id);
        instance.Property(i => i.Id).HasMaxLength(32);
        instance.Property(i => i.DefinitionId).HasMaxLength(128);
        instance.Property(i => i.AccountId).HasMaxLength(128);
        instance.Property(i => i.Status).HasMaxLength(16);
        instance.Property(i => i.StartedBy).HasMaxLength(256);
        instance.Property(i => i.EndReason).HasMaxLength(512);
        instance.Property(i => i.Version).IsConcurrencyToken();
        instance.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Cascade);
        instance.HasIndex(i => new { i.AccountId, i.DefinitionId });
        instance.HasIndex(i => new { i.DefinitionId, i.Status });
    }
}

internal sealed class WaitingBookmarkConfiguration : IEntityTypeConfiguration<WaitingBookmark>
{
    public void Configure(EntityTypeBuilder<WaitingBookmark> bookmark)
    {
        bookmark.HasKey(b => b.Id);
        bookmark.Property(b => b.Id).HasMaxLength(32);
        bookmark.Property(b => b.InstanceId).HasMaxLength(32);
        bookmark.Property(b => b.AccountId).HasMaxLength(128);
        bookmark.Property(b => b.NodeId).HasMaxLength(128);
        bookmark.Property(b => b.Kind).HasMaxLength(16);
        bookmark.Property(b => b.Key).HasMaxLength(512);
        bookmark.HasOne<PlaybookInstance>().WithMany().HasForeignKey(b => b.InstanceId).OnDelete(DeleteBehavior.Cascade);
        bookmark.HasIndex(b => new { b.AccountId, b.Kind });
        bookmark.HasIndex(b => b.InstanceId);
    }
}

internal sealed class DueTimerConfiguration : IEntityTypeConfiguration<DueTimer>
{
    public void Configure(EntityTypeBuilder<DueTimer> timer)
    {
        timer.HasKey(t => t.Id);
        timer.Property(t => t.BookmarkId).HasMaxLength(32);
        timer.Property(t => t.InstanceId).HasMaxLength(32);
        timer.Property(t => t.LastError).HasMaxLength(2048);
        timer.HasIndex(t => t.BookmarkId).IsUnique();
        timer.HasIndex(t => t.DueAt);
        timer.HasIndex(t => t.InstanceId);
    }
}

internal sealed class JournalLineConfiguration : IEntityTypeConfiguration<JournalLine>
{
    public void Configure(EntityTypeBuilder<JournalLine> line)
    {
        line.HasKey(l => l.Id);
        line.Property(l => l.InstanceId).HasMaxLength(32);
        line.Property(l => l.NodeId).HasMaxLength(128);
        line.Property(l => l.Event).HasMaxLength(64);
        line.Property(l => l.Port).HasMaxLength(64);
        line.Property(l => l.Detail).HasMaxLength(2048);
        line.HasIndex(l => new { l.InstanceId, l.Id });
        line.HasIndex(l => l.At);
    }
}

internal sealed class DateTriggerFiringConfiguration : IEntityTypeConfiguration<DateTriggerFiring>
{
    public void Configure(EntityTypeBuilder<DateTriggerFiring> firing)
    {
        // One firing per account, playbook and date: the key is what keeps a sweep from starting it twice.
        firing.HasKey(f => new { f.AccountId, f.PlaybookId, f.Date });
        firing.Property(f => f.AccountId).HasMaxLength(128);
        firing.Property(f => f.PlaybookId).HasMaxLength(128);
        firing.Property(f => f.Field).HasMaxLength(128);
        firing.Property(f => f.InstanceId).HasMaxLength(32);
        firing.HasOne<Account>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
