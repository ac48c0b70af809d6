using AccountPlaybooks.Domain.Reps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class RepConfiguration : IEntityTypeConfiguration<Rep>
{
    public void Configure(EntityTypeBuilder<Rep> rep)
    {
        rep.HasKey(r => r.Id);
        rep.Property(r => r.Id).HasMaxLength(128);
        rep.Property(r => r.Email).HasMaxLength(256);
        rep.Property(r => r.Name).HasMaxLength(256);
        rep.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        rep.Property(r => r.Team).HasMaxLength(128);
        rep.Property(r => r.ManagerId).HasMaxLength(128);
        rep.Property(r => r.PairRepId).HasMaxLength(128);
        rep.Property(r => r.TimeZone).HasMaxLength(64);
        rep.Property(r => r.Territories).HasJsonConversion();
        rep.Property(r => r.WorkingDays).HasJsonConversion();
        rep.ComplexProperty(r => r.Notifications, notifications =>
        {
            notifications.Property(n => n.Webhook).HasMaxLength(64);
            notifications.Property(n => n.Address).HasMaxLength(256);
        });
        rep.Property(r => r.Version).IsConcurrencyToken();
        rep.HasIndex(r => r.Email).IsUnique();
        rep.HasIndex(r => r.Team);
    }
}
