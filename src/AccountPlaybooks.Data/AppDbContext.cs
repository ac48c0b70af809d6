using AccountPlaybooks.Data.Audit;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Audit;
using AccountPlaybooks.Domain.Crm;
using AccountPlaybooks.Domain.Imports;
using AccountPlaybooks.Domain.Notifications;
using AccountPlaybooks.Domain.Outreach;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.Domain.Tasks;
using AccountPlaybooks.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Data;

/// The one model. Provider subclasses exist only so each provider keeps its own migrations.
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<Rep> Reps => Set<Rep>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AccountScore> AccountScores => Set<AccountScore>();
    public DbSet<TierChange> TierChanges => Set<TierChange>();
    public DbSet<SegmentChange> SegmentChanges => Set<SegmentChange>();
    public DbSet<MotionChange> MotionChanges => Set<MotionChange>();
    public DbSet<TierProposal> TierProposals => Set<TierProposal>();
    public DbSet<TierReview> TierReviews => Set<TierReview>();
    public DbSet<DateTriggerFiring> DateTriggerFirings => Set<DateTriggerFiring>();
    public DbSet<RulesetRecord> Rulesets => Set<RulesetRecord>();
    public DbSet<EvaluationRun> EvaluationRuns => Set<EvaluationRun>();
    public DbSet<PlaybookVersion> PlaybookVersions => Set<PlaybookVersion>();
    public DbSet<PlaybookInstance> PlaybookInstances => Set<PlaybookInstance>();
    public DbSet<WaitingBookmark> WaitingBookmarks => Set<WaitingBookmark>();
    public DbSet<DueTimer> DueTimers => Set<DueTimer>();
    public DbSet<JournalLine> JournalLines => Set<JournalLine>();
    public DbSet<OutreachTask> Tasks => Set<OutreachTask>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CrmUpdate> CrmUpdates => Set<CrmUpdate>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<TemplateSave> TemplateSaves => Set<TemplateSave>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// ASP.NET Core Data Protection's key ring (login cookies, antiforgery): shared by every node, never audited or logged.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order DateTimeOffset, and Npgsql wants Kind=Utc: every DateTime is UTC in and out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var autoDetect = DetectOnceAndRenewConcurrencyTokens();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var autoDetect = DetectOnceAndRenewConcurrencyTokens();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// The app's clock (a test's fake one too); the system clock for a context made by hand.
    private TimeProvider Clock => this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?.GetService<TimeProvider>() ?? TimeProvider.System;

    /// Detects changes once (walking the entries would otherwise make SaveChanges detect them a second time).
    private bool DetectOnceAndRenewConcurrencyTokens()
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        RenewConcurrencyTokens();
        AuditRecorder.Record(this, Clock.GetUtcNow().UtcDateTime);
        return autoDetect;
    }

    // Application-managed tokens work the same on both providers (no rowversion in SQLite, no xmin in SQLite).
    private void RenewConcurrencyTokens()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            if (entry.Metadata.FindProperty(ConcurrencyToken.PropertyName) is { IsConcurrencyToken: true })
            {
                entry.Property(ConcurrencyToken.PropertyName).CurrentValue = Guid.NewGuid();
            }
        }
    }
}
