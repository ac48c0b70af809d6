using AccountPlaybooks.Data;
using Microsoft.Data.Sqlite;
using Quartz;

namespace AccountPlaybooks.Application.Scheduling;

/// Quartz's persistent store, configured once for the server and the CLI: SQLite (one node, its own file) or
/// PostgreSQL (clustered, the app's database). Both must name the same scheduler to see the same rows.
public static class QuartzStore
{
    /// The SCHED_NAME every stored row carries, and what cluster nodes share.
    public const string SchedulerName = "AccountPlaybooks";

    public static void UseAccountPlaybooksStore(this IQuartzBuilder quartz, DatabaseOptions database, SchedulingOptions scheduling)
    {
        quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UseSystemTextJsonSerializer();
            // Quartz 4.7 ships its own DDL (15 tables, columns added through 4.7) and creates only what is
            // missing; a hand-written 3.x schema would be refused by its start-up validation.
            store.ConfigureStore(jobStore => jobStore.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                store.UsePostgres(database.ConnectionString);
                store.UseClustering(); // also gives each node a generated instance id
            }
            else
            {
                store.UseSqlite(SqliteConnectionString(scheduling.SqliteFile)); // Quartz refuses clustering on SQLite
            }
        });
    }

    /// SQLite does not create folders; the relative path is taken from the working directory, like the app's database.
    private static string SqliteConnectionString(string file)
    {
        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }
}
