using System.CommandLine;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Cli.Commands;

/// `migrate`: bring the database to this version's schema. `backup FILE`: a consistent copy of a live SQLite database.
internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Create the database or apply this version's pending migrations (the server does this at start-up)");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var where = host.Services.GetRequiredService<DatabaseOptions>().DescribeDatabase();
            var state = await host.Services.DatabaseStateAsync(cancellationToken);
            if (state.Unknown.Count > 0)
            {
                throw new CliStopException(state.Problem(where)!, Cli.DatabaseNotReady);
            }
            var applied = await host.Services.MigrateDatabaseAsync(cancellationToken);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(applied.Count == 0
                ? $"{where}: up to date, nothing to apply"
                : $"{where}: applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return Cli.Ok;
        });
        return command;
    }

    public static Command Backup()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The new file to write the copy to (never overwritten)" };
        var command = new Command("backup",
            "Copy the SQLite database to FILE with SQLite's online backup: consistent while the server runs. " +
            "PostgreSQL: use pg_dump (docs/operations.md)") { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            using var host = CliHost.Build();
            var database = host.Services.GetRequiredService<DatabaseOptions>();
            var (output, error) = (parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error);
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await error.WriteLineAsync(
                    $"The database is {database.DescribeDatabase()}: back it up with PostgreSQL's own tools, e.g. " +
                    "`pg_dump --format=custom --file=accountplaybooks.dump \"$DATABASE_URL\"` (restore with pg_restore); see docs/operations.md.");
                return Cli.UsageErrors;
            }
            var target = parsed.GetValue(file)!.FullName;
            try
            {
                var bytes = await SqliteBackup.CopyAsync(database.ConnectionString, target, cancellationToken);
                await output.WriteLineAsync($"backup: {database.DescribeDatabase()} → {target} ({bytes / 1024.0 / 1024.0:0.0} MiB, checked); " +
                                            "to restore, see docs/operations.md");
                return Cli.Ok;
            }
            catch (IOException problem)
            {
                await error.WriteLineAsync($"backup failed: {problem.Message}");
                return Cli.ValidationErrors;
            }
        });
        return command;
    }
}
