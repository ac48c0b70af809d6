using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Data.Sqlite;

public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : AppDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDbContext).Assembly.FullName))
          .AddInterceptors(new SqliteConnectionPragmas());

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
