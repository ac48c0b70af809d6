using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Playbooks;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AccountPlaybooks.IntegrationTests.Cli.CliCommand;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// `migrate`, `backup` and the database check every other command makes, on a temp SQLite file configured through the
/// environment as an operator would; and `timers sweep` loading content as the server does.
public sealed class CliDatabase : IAsyncLifetime
{
    private static readonly string[] Variables =
        ["Database__Provider", "Database__ConnectionString", "Rules__Folder", "Templates__Folder", "Playbooks__Folder"];

    private readonly string _rules = RepoPaths.CopyOfRules();
    private readonly string _templates = RepoPaths.CopyOfTemplates();
    private readonly string _workflows = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
    private readonly string _backups = Directory.CreateTempSubdirectory("accountplaybooks-backups-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Environment.SetEnvironmentVariable("Database__ConnectionString", _database.ConnectionString);
        Environment.SetEnvironmentVariable("Rules__Folder", _rules);
        Environment.SetEnvironmentVariable("Templates__Folder", _templates);
        Environment.SetEnvironmentVariable("Playbooks__Folder", _workflows);
    }

    public async Task DisposeAsync()
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var folder in new[] { _rules, _templates, _workflows, _backups })
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string DatabaseFile => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

    [Fact]
    public async Task RestoresEveryRowGivenBackupCopiedIntoPlace()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        var accounts = Path.Combine(_backups, "accounts.json");
        await File.WriteAllTextAsync(accounts, """[{"id":"bk-1","name":"Backed Up","domain":"backed-up.com"},{"id":"bk-2","name":"Two","domain":"two.com"}]""");
        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
        Assert.Equal(0, (await RunAsync("users", "add", "--email", "root@example.test", "--role", "admin", "--password", "a long enough secret")).Exit);
        // A reader holds the database open, as a running server would: the online backup does not need it closed.
        await using var server = new SqliteConnection(_database.ConnectionString);
        await server.OpenAsync();

        var backup = Path.Combine(_backups, "nightly", "accountplaybooks.db");
        var (exit, output) = await RunAsync("backup", backup);

        Assert.Equal(0, exit);
        Assert.Contains($"→ {backup}", output);
        // The restore procedure of docs/operations.md: the copy becomes the database file of a new installation.
        var restored = Path.Combine(_backups, "restored", "accountplaybooks.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restored)!);
        File.Copy(backup, restored);
        Environment.SetEnvironmentVariable("Database__ConnectionString", $"Data Source={restored}");
        var (checkExit, checkOutput) = await RunAsync("migrate");
        Assert.Equal(0, checkExit);
        Assert.Contains("up to date, nothing to apply", checkOutput);
        Assert.Equal(["Backed Up", "Two"], await QueryAsync($"Data Source={restored}", db => db.Accounts.OrderBy(a => a.Id).Select(a => a.Name).ToListAsync()));
        Assert.Equal("root@example.test", await QueryAsync($"Data Source={restored}", db => db.Users.Select(u => u.Email).SingleAsync()));
        // What the CLI changed is audited as the CLI's, with the operating-system user.
        Assert.Equal($"cli ({Environment.UserName})", await QueryAsync($"Data Source={restored}",
            db => db.AuditEntries.Where(e => e.Kind == "user").Select(e => e.Actor).SingleAsync()));
        Assert.False(File.Exists(restored + "-wal")); // a standalone file, not half of a WAL pair
    }

    [Fact]
    public async Task RefusesToOverwriteGivenExistingFile()
    {
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        var backup = Path.Combine(_backups, "taken.db");
        await File.WriteAllTextAsync(backup, "precious");

        var (exit, output) = await RunAsync("backup", backup);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", output);
        Assert.Equal("precious", await File.ReadAllTextAsync(backup));
    }

    [Fact]
    public async Task PointsToPgDumpGivenPostgres()
    {
        Environment.SetEnvironmentVariable("Database__Provider", "Postgres");
        Environment.SetEnvironmentVariable("Database__ConnectionString", "Host=db.example.test;Database=ap;Username=ap;Password=never-printed");

        var (exit, output) = await RunAsync("backup", Path.Combine(_backups, "pg.db"));

        Assert.Equal(2, exit);
        Assert.Contains("pg_dump", output);
        Assert.Contains("db.example.test/ap", output);
        Assert.DoesNotContain("never-printed", output);
    }

    [Fact]
    public async Task NamesTheFixGivenNoDatabaseAndCreatesNothing()
    {
        var accounts = Path.Combine(_backups, "accounts.json");
        await File.WriteAllTextAsync(accounts, """[{"id":"x-1","name":"X","domain":"x.com"}]""");

        var (exit, output) = await RunAsync("import", "accounts", accounts);

        Assert.Equal(3, exit);
        Assert.Contains($"There is no database at {DatabaseFile}. Run `accountplaybooks migrate`", output);
        Assert.False(File.Exists(DatabaseFile));
        Assert.Equal(0, (await RunAsync("migrate")).Exit);
        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
    }

    [Fact]
    public async Task NamesTheFixGivenAPostgresDatabaseThatDoesNotExist()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable)
            ?? throw new InvalidOperationException($"{TestDatabase.PostgresVariable} is not set");
        Environment.SetEnvironmentVariable("Database__Provider", "Postgres");
        Environment.SetEnvironmentVariable("Database__ConnectionString",
            new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = $"ap_missing_{Guid.NewGuid():N}" }.ConnectionString);

        var (exit, output) = await RunAsync("timers", "sweep");

        Assert.Equal(3, exit);
        Assert.Contains("There is no database at PostgreSQL 127.0.0.1/ap_missing_", output);
        Assert.Contains("Run `accountplaybooks migrate` to create it", output);
    }

    [Fact]
    public async Task NamesPendingMigrationsGivenOlderDatabase()
    {
        var latest = await OlderDatabaseAsync();

        var (exit, output) = await RunAsync("timers", "sweep");

        Assert.Equal(3, exit);
        Assert.Contains($"is not up to date: 1 migration(s) to apply ({latest})", output);
        Assert.Contains("accountplaybooks migrate", output);
        var (migrated, migrateOutput) = await RunAsync("migrate");
        Assert.Equal(0, migrated);
        Assert.Contains($"applied 1 migration(s): {latest}", migrateOutput);
        Assert.Equal(0, (await RunAsync("timers", "sweep")).Exit);
    }

    [Fact]
    public async Task PublishesPlaybooksThatNameTemplatesGivenTimersSweep()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "workflows"), "*.json"))
        {
            File.Copy(file, Path.Combine(_workflows, Path.GetFileName(file)));
        }
        var playbooks = Directory.GetFiles(_workflows, "*.json").Count(f => !f.EndsWith(".schema.json", StringComparison.Ordinal));
        Assert.Equal(0, (await RunAsync("migrate")).Exit);

        var (exit, output) = await RunAsync("timers", "sweep");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("there is no template", output);
        Assert.Equal(playbooks, await QueryAsync(_database.ConnectionString,
            db => db.PlaybookVersions.CountAsync(v => v.Status == PlaybookVersionStatus.Published)));
    }

    /// The database one migration behind this build; returns the name of the migration it lacks.
    private async Task<string> OlderDatabaseAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteDbContext>();
        SqliteDbContext.Configure(options, _database.ConnectionString);
        await using var db = new SqliteDbContext(options.Options);
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        SqliteConnection.ClearAllPools();
        return migrations[^1];
    }
}
