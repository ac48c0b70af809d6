using AccountPlaybooks.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class CrmUpdateConfiguration : IEntityTypeConfiguration<CrmUpdate>
{
    public void Configure(EntityTypeBuilder<CrmUpdate> update)
    {
        update.HasKey(u => u.AccountId);
        update.Property(u => u.AccountId).HasMaxLength(128);
        update.Property(u => u.RecordId).HasMaxLength(128);
        update.Property(u => u.LastError).HasMaxLength(2048);
        update.HasIndex(u => new { u.DeliveredAt, u.DeadLetteredAt, u.NextAttemptAt });
    }
}
