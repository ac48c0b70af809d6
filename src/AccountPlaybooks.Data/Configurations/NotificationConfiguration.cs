using AccountPlaybooks.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Webhook).HasMaxLength(128);
        notification.Property(n => n.Event).HasMaxLength(64);
        notification.Property(n => n.AccountId).HasMaxLength(128);
        notification.Property(n => n.TaskId).HasMaxLength(32);
        notification.Property(n => n.LastError).HasMaxLength(2048);
        notification.HasIndex(n => new { n.DeliveredAt, n.DeadLetteredAt, n.NextAttemptAt });
    }
}
