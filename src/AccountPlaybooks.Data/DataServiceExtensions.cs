using AccountPlaybooks.Data.Postgres;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Data.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Data;

public static class DataServiceExtensions
{
    /// The one place that picks the database: SQLite by default, PostgreSQL when configuration says so.
    public static IServiceCollection AddAccountPlaybooksData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<DatabaseOptions>(configuration, DatabaseOptions.Section);
        return options.Provider switch
        {
            DatabaseProvider.Postgres => services.AddDbContext<AppDbContext, PostgresDbContext>(
                db => PostgresDbContext.Configure(db, options.ConnectionString)),
            _ => services.AddDbContext<AppDbContext, SqliteDbContext>(
                db => SqliteDbContext.Configure(db, options.ConnectionString)),
        };
    }
}
