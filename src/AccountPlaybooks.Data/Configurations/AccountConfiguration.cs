using AccountPlaybooks.Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> account)
    {
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).HasMaxLength(128);
        account.Property(a => a.Name).HasMaxLength(256);
        account.Property(a => a.Domain).HasMaxLength(256);
        account.Property(a => a.Industry).HasMaxLength(128);
        account.Property(a => a.Country).HasMaxLength(64);
        account.Property(a => a.Region).HasMaxLength(64);
        account.Property(a => a.FundingStage).HasMaxLength(64);
        account.Property(a => a.AeOwnerId).HasMaxLength(128);
        account.Property(a => a.SdrOwnerId).HasMaxLength(128);
        account.Property(a => a.OwnerReason).HasMaxLength(512);
        account.Property(a => a.Segment).HasMaxLength(128);
        account.Property(a => a.Lifecycle).HasConversion<string>().HasMaxLength(16);
        account.Property(a => a.TechStack).HasJsonConversion();
        account.Property(a => a.CustomFields).HasJsonConversion();
        account.Property(a => a.Version).IsConcurrencyToken();
        account.HasIndex(a => a.Domain);
        account.HasIndex(a => a.AeOwnerId);
        account.HasIndex(a => a.SdrOwnerId);
        // The accounts table: its default order (name, then id for stable pages) and the segment filter and facet.
        account.HasIndex(a => new { a.Name, a.Id });
        account.HasIndex(a => a.Segment);
        account.HasIndex(a => a.LastSignalAt);
    }
}
