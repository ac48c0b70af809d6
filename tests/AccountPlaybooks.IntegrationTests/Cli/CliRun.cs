using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Cli.CliCommand;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// Runs the real CLI in-process against a temp SQLite file, configured the way an operator would (environment).
public sealed class CliRun : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string? _previous;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _previous = Environment.GetEnvironmentVariable("Database__ConnectionString");
        Environment.SetEnvironmentVariable("Database__ConnectionString", _database.ConnectionString);
        Assert.Equal(0, (await RunAsync("migrate")).Exit); // the CLI never migrates on its own
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("Database__ConnectionString", _previous);
        await _database.DisposeAsync();
    }

    private Task<T> QueryAsync<T>(Func<SqliteDbContext, Task<T>> query) => CliCommand.QueryAsync(_database.ConnectionString, query);

    [Fact]
    public async Task ExitsWith1AndNamesRowAndColumnGivenBrokenAccountRows()
    {
        var file = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, CsvFiles.CrmAccounts(20, new Dictionary<int, string> { [5] = "crm-00005,Five,five.com,many,1,DE,SaaS" }));

        var (exit, output) = await RunAsync("import", "accounts", file);

        File.Delete(file);
        Assert.Equal(1, exit);
        Assert.Contains("19 created", output);
        Assert.Contains("row 6, column Number of Employees: 'many' is not a whole number", output);
        Assert.Equal(19, await QueryAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task ChangesOnlyTheFileColumnsAndNamesOverlongCellsGivenPartialAccountFile()
    {
        var accounts = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.json");
        var partial = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(accounts, """[{"id":"cli-p1","name":"Cli One","industry":"Fintech","employees":120}]""");
        await File.WriteAllTextAsync(partial, $"id,industry,custom.notes\ncli-p1,Software,\ncli-p2,Retail,{new string('x', 1025)}\n");

        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
        var (exit, output) = await RunAsync("import", "accounts", partial);

        File.Delete(accounts);
        File.Delete(partial);
        Assert.Equal(1, exit);
        Assert.Contains("1 updated", output);
        Assert.Contains("row 3, column custom.notes: is 1025 characters long; the limit is 1024", output);
        var stored = await QueryAsync(db => db.Accounts.SingleAsync(a => a.Id == "cli-p1"));
        Assert.Equal(("Cli One", "Software", 120), (stored.Name, stored.Industry, stored.Employees));
        Assert.Equal(1, await QueryAsync(db => db.Accounts.CountAsync()));
    }

    [Fact]
    public async Task ExitsWith1AndNamesTheObjectWhereReadingStoppedGivenBrokenNdjson()
    {
        var file = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, "{\"id\":\"cli-b1\",\"name\":\"One\"}\n\n{\"id\":\"cli-b2\",\"name\":\"Two\"}\n{\"id\":\"cli-b3\",\"name\": \n");

        var (exit, output) = await RunAsync("import", "accounts", file);

        File.Delete(file);
        Assert.Equal(1, exit);
        Assert.Contains("stopped reading: row 3: invalid JSON", output);
        Assert.Equal(["cli-b1", "cli-b2"], await QueryAsync(db => db.Accounts.Select(a => a.Id).OrderBy(id => id).ToListAsync()));
    }

    [Fact]
    public async Task ExitsWith0GivenCleanSignalFileAndIsIdempotent()
    {
        var accounts = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.json");
        var signals = Path.Combine(Path.GetTempPath(), $"signals-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(accounts, """[{"id":"cli-1","name":"Cli One","domain":"cli-one.com"}]""");
        await File.WriteAllTextAsync(signals, """
            {"id":"cli-s1","accountDomain":"cli-one.com","type":"webinar_attended","occurredAt":"2026-10-01T12:00:00Z"}
            {"id":"cli-s2","accountId":"cli-1","type":"email_reply","occurredAt":"2026-10-02T12:00:00Z"}
            """);

        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
        var first = await RunAsync("import", "signals", signals);
        var replay = await RunAsync("import", "signals", signals);

        File.Delete(accounts);
        File.Delete(signals);
        Assert.Equal(0, first.Exit);
        Assert.Contains("2 created", first.Output);
        Assert.Contains("0 created, 0 updated, 0 unchanged, 2 duplicates", replay.Output);
        Assert.Equal(2, await QueryAsync(db => db.Signals.CountAsync()));
    }

    [Theory]
    [InlineData("import", "accounts")]
    [InlineData("import", "accounts", "/no/such/file.csv")]
    [InlineData("users", "add", "--email", "x@example.test", "--role", "emperor")]
    [InlineData("frobnicate")]
    public async Task ExitsWith2GivenUsageError(params string[] args)
    {
        Assert.Equal(2, (await RunAsync(args)).Exit);
    }

    [Fact]
    public async Task AddsFirstAdminWithHashedTokenShownOnce()
    {
        var (exit, output) = await RunAsync("users", "add", "--email", "Root@Example.test", "--role", "admin", "--password", "a long enough secret");

        Assert.Equal(0, exit);
        var token = output.Split("store it now): ")[1].Trim();
        var stored = await QueryAsync(db => db.ApiTokens.Include(t => t.User).SingleAsync());
        Assert.Equal(TokenHasher.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash + stored.Prefix + stored.User!.PasswordHash);
        Assert.Equal("root@example.test", stored.User.Email);
        Assert.True(PasswordHasher.Verify("a long enough secret", stored.User.PasswordHash!));
    }

    [Fact]
    public async Task ExitsWith1GivenShortPassword()
    {
        var (exit, output) = await RunAsync("users", "add", "--email", "a@example.test", "--role", "ops", "--password", "short");

        Assert.Equal(1, exit);
        Assert.Contains("password", output);
    }

    [Fact]
    public async Task ImportsRepsWithTeamsFromJson()
    {
        var file = Path.Combine(Path.GetTempPath(), $"reps-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [
              {"id":"rep-b","email":"b@example.test","name":"B","role":"AE","team":"West","managerId":"rep-a","territories":["US-West"]},
              {"id":"rep-a","email":"a@example.test","name":"A","role":"Manager","team":"West"}
            ]
            """);

        var (exit, output) = await RunAsync("import", "reps", file);

        File.Delete(file);
        Assert.Equal(0, exit);
        Assert.Contains("saved 2 reps", output);
        Assert.Equal("rep-a", await QueryAsync(db => db.Reps.Where(r => r.Id == "rep-b").Select(r => r.ManagerId).SingleAsync()));
    }
}
