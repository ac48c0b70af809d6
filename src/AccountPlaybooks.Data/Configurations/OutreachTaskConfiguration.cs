using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AccountPlaybooks.Data.Configurations;

internal sealed class OutreachTaskConfiguration : IEntityTypeConfiguration<OutreachTask>
{
    public void Configure(EntityTypeBuilder<OutreachTask> task)
    {
        task.ToTable("Tasks");
        task.HasKey(t => t.Id);
        task.Property(t => t.Id).HasMaxLength(32);
        task.Property(t => t.AccountId).HasMaxLength(128);
        task.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        task.Property(t => t.InstanceId).HasMaxLength(32);
        task.Property(t => t.NodeId).HasMaxLength(128);
        task.Property(t => t.PlaybookId).HasMaxLength(128);
        task.Property(t => t.Channel).HasMaxLength(16);
        task.Property(t => t.Template).HasMaxLength(128);
        task.Property(t => t.Title).HasMaxLength(512);
        task.Property(t => t.AssigneeRole).HasMaxLength(16);
        task.Property(t => t.AssigneeRepId).HasMaxLength(128);
        task.Property(t => t.Queue).HasMaxLength(128);
        task.Property(t => t.Outcomes).HasJsonConversion();
        task.Property(t => t.SignalId).HasMaxLength(128);
        task.Property(t => t.EscalatedFromId).HasMaxLength(32);
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        task.Property(t => t.Outcome).HasMaxLength(64);
        task.Property(t => t.Note).HasMaxLength(4000);
        task.Property(t => t.CompletedBy).HasMaxLength(256);
        task.Property(t => t.Version).IsConcurrencyToken();
        task.Ignore(t => t.SlaMet);
        task.HasOne<Account>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        task.HasIndex(t => new { t.AssigneeRepId, t.Status });
        task.HasIndex(t => new { t.Queue, t.Status });
        task.HasIndex(t => new { t.InstanceId, t.Status });
        task.HasIndex(t => t.AccountId);
        task.HasIndex(t => t.SlaDueAt);
    }
}
