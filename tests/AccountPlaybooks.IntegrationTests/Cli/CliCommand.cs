using AccountPlaybooks.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// Runs the CLI in-process, as a shell would, and reads what it left in the SQLite file.
internal static class CliCommand
{
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await AccountPlaybooks.Cli.Cli.RunAsync(AccountPlaybooks.Cli.Program.CreateRoot(), args, output, output);
        return (exit, output.ToString());
    }

    /// Closes its connections afterwards, so the next CLI run (or the test's clean-up) finds the file free.
    public static async Task<T> QueryAsync<T>(string connectionString, Func<SqliteDbContext, Task<T>> query)
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>();
        SqliteDbContext.Configure(options, connectionString);
        await using (var db = new SqliteDbContext(options.Options))
        {
            var result = await query(db);
            SqliteConnection.ClearAllPools();
            return result;
        }
    }
}
