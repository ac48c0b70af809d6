using AccountPlaybooks.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Kind).HasMaxLength(32);
        entry.Property(e => e.EntityId).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(16);
        entry.Property(e => e.Summary).HasMaxLength(1000);
        entry.Property(e => e.Changes).HasJsonConversion();
        // The log newest first, filtered by kind or actor.
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Kind, e.At });
        entry.HasIndex(e => new { e.ActorId, e.At });
    }
}
