using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> user)
    {
        user.HasKey(u => u.Id);
        user.Property(u => u.Email).HasMaxLength(256);
        user.Property(u => u.Name).HasMaxLength(256);
        user.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
        user.Property(u => u.RepId).HasMaxLength(128);
        user.Property(u => u.PasswordHash).HasMaxLength(256);
        user.HasIndex(u => u.Email).IsUnique();
        user.HasMany(u => u.Tokens).WithOne(t => t.User).HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
