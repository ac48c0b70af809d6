using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AccountPlaybooks.Data;

public static class DatabaseMigrator
{
    /// Applies the provider's pending migrations; called at start-up by the server and by `accountplaybooks migrate`.
    public static async Task<IReadOnlyList<string>> MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db is Sqlite.SqliteDbContext sqlite)
        {
            sqlite.EnsureDirectory();
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// Reads where the database stands without changing it (a missing SQLite file is not created).
    public static async Task<DatabaseState> DatabaseStateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db is Sqlite.SqliteDbContext && SqliteFile(db.Database.GetConnectionString()!) is { } file && !File.Exists(file))
        {
            return new DatabaseState(false, [], []);
        }
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var known = db.Database.GetMigrations().ToList();
        return new DatabaseState(applied.Count > 0 || known.Count == 0, known.Except(applied).ToList(), applied.Except(known).ToList());
    }

    /// Where the database is, for messages: the SQLite file or the PostgreSQL host and database (never the password).
    public static string DescribeDatabase(this DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Postgres)
        {
            return SqliteFile(options.ConnectionString) ?? ":memory:";
        }
        var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"PostgreSQL {postgres.Host}/{postgres.Database}";
    }

    /// The full path of a SQLite connection string's file; null for an in-memory database.
    public static string? SqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source is "" or ":memory:" ? null : Path.GetFullPath(source);
    }
}
