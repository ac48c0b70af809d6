using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> signal)
    {
        signal.HasKey(s => s.Id);
        signal.Property(s => s.Id).HasMaxLength(128);
        signal.Property(s => s.AccountId).HasMaxLength(128);
        signal.Property(s => s.Type).HasMaxLength(64);
        signal.Property(s => s.Source).HasMaxLength(128);
        signal.Property(s => s.Properties).HasJsonConversion();
        signal.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
        // The rules read an account's signal window: account first, newest last. On SQLite the index also carries
        // the columns the window reads, so an account's signals are one contiguous run of index pages (ADR 0033).
        signal.HasIndex(s => new { s.AccountId, s.OccurredAt });
        signal.Property(s => s.ProcessError).HasMaxLength(2000);
        // The backlog sweep looks for signals still to process, oldest first.
        signal.HasIndex(s => new { s.ProcessedAt, s.ReceivedAt });
    }
}
