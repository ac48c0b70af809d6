using AccountPlaybooks.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.ToTable("ImportRuns");
        run.HasKey(r => r.Id);
        run.Property(r => r.Source).HasMaxLength(2048);
        run.Property(r => r.Kind).HasMaxLength(16);
        run.Property(r => r.Status).HasMaxLength(16);
        run.Property(r => r.Error).HasMaxLength(2048);
        run.HasIndex(r => r.StartedAt);
    }
}
