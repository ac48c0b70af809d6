using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Data;

public static class DatabaseMigrator
{
    /// Applies the provider's pending migrations; called at start-up by the server and the CLI.
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db is Sqlite.SqliteDbContext sqlite)
        {
            sqlite.EnsureDirectory();
        }
        await db.Database.MigrateAsync(cancellationToken);
    }
}
