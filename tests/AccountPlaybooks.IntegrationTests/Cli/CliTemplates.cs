using AccountPlaybooks.Tests;
using static AccountPlaybooks.IntegrationTests.Cli.CliCommand;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// `templates validate` and `templates render` from the command line, on a copy of templates/ and a scored account.
public sealed class CliTemplates : IAsyncLifetime
{
    private readonly string _rules = RepoPaths.CopyOfRules();
    private readonly string _templates = RepoPaths.CopyOfTemplates();
    private Fixtures.TestDatabase _database = null!;
    private string? _previous;

    public async Task InitializeAsync()
    {
        _database = await Fixtures.TestDatabase.CreateAsync(Data.DatabaseProvider.Sqlite);
        _previous = Environment.GetEnvironmentVariable("Database__ConnectionString");
        Environment.SetEnvironmentVariable("Database__ConnectionString", _database.ConnectionString);
        Environment.SetEnvironmentVariable("Rules__Folder", _rules);
        Environment.SetEnvironmentVariable("Templates__Folder", _templates);
        Assert.Equal(0, (await RunAsync("migrate")).Exit); // the CLI never migrates on its own
        var accounts = Path.Combine(_templates, "..", $"accounts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(accounts, Fixtures.ScoredAccounts.GoodFitCsv);
        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
        File.Delete(accounts);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("Database__ConnectionString", _previous);
        Environment.SetEnvironmentVariable("Rules__Folder", null);
        Environment.SetEnvironmentVariable("Templates__Folder", null);
        await _database.DisposeAsync();
        Directory.Delete(_rules, recursive: true);
        Directory.Delete(_templates, recursive: true);
    }

    [Fact]
    public async Task PrintsTitleAndBodyForTheAccount()
    {
        var (exit, output) = await RunAsync("templates", "render", "tier1-research-brief", "--account", "fit-3");

        Assert.Equal(0, exit);
        Assert.StartsWith("Research brief for Good Fit Three: 15 minutes before the first touch\n\n**Good Fit Three** is Tier3", output.ReplaceLineEndings("\n"));
        Assert.Contains("- Industry: Fintech", output);
    }

    [Fact]
    public async Task ExitsWith1AndPrintsFileLineAndColumnGivenBrokenTemplate()
    {
        await File.WriteAllTextAsync(Path.Combine(_templates, "escalation.sbn"), "Escalation for {{ account.name }}\n{{ owner.emial }}");

        var (exit, output) = await RunAsync("templates", "render", "escalation", "--account", "fit-3");

        Assert.Equal(1, exit);
        Assert.Contains("escalation.sbn:2:10: unknown field owner.emial. Did you mean email?", output);
    }

    [Fact]
    public async Task ExitsWith2GivenUnknownAccountOrTemplate()
    {
        Assert.Equal(2, (await RunAsync("templates", "render", "escalation", "--account", "no-such-account")).Exit);
        Assert.Equal(2, (await RunAsync("templates", "render", "no-such-template", "--account", "fit-3")).Exit);
        Assert.Equal(2, (await RunAsync("templates", "render", "escalation")).Exit);
    }

    [Fact]
    public async Task ValidatesEveryTemplateInTheFolder()
    {
        var (exit, output) = await RunAsync("templates", "validate", _templates);

        Assert.Equal(0, exit);
        Assert.Contains($"{Directory.GetFiles(_templates, "*.sbn").Length} template(s) valid", output);
    }
}
