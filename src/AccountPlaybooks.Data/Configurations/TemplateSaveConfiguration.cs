using AccountPlaybooks.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class TemplateSaveConfiguration : IEntityTypeConfiguration<TemplateSave>
{
    public void Configure(EntityTypeBuilder<TemplateSave> save)
    {
        save.HasKey(s => s.Id);
        save.Property(s => s.Name).HasMaxLength(100);
        save.Property(s => s.Hash).HasMaxLength(64);
        save.Property(s => s.Author).HasMaxLength(256);
        save.HasIndex(s => new { s.Name, s.SavedAt });
    }
}
