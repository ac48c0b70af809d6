using AccountPlaybooks.Domain.Signals;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Data.Sqlite;

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDbContext).Assembly.FullName))
          .AddInterceptors(new SqliteConnectionPragmas());

    /// SQLite only: the signal-window index covers the columns the rules read (AccountId, OccurredAt, Id, Type,
    /// Properties), so a re-evaluation reads an account's ~10 signals from one or two index pages instead of ~10
    /// table pages scattered in arrival order (ADR 0033). PostgreSQL keeps the two-column index: a B-tree entry
    /// there must stay under ~2.7 kB, and Properties has no such bound.
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var signal = modelBuilder.Entity<Signal>();
        signal.Metadata.RemoveIndex([signal.Metadata.FindProperty(nameof(Signal.AccountId))!, signal.Metadata.FindProperty(nameof(Signal.OccurredAt))!]);
        signal.HasIndex(s => new { s.AccountId, s.OccurredAt, s.Id, s.Type, s.Properties }, "IX_Signals_Window");
    }

    /// SQLite creates the file but not its folder.
    public void EnsureDirectory()
    {
        var dataSource = new SqliteConnectionStringBuilder(Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
