using AccountPlaybooks.Tests;
using static AccountPlaybooks.IntegrationTests.Cli.CliCommand;

namespace AccountPlaybooks.IntegrationTests.Cli;

/// `rules validate`, `rules test` and `evaluate --what-if` from the command line, on a copy of rules/.
public sealed class CliRules : IAsyncLifetime
{
    private readonly string _rules = RepoPaths.CopyOfRules();
    private Fixtures.TestDatabase _database = null!;
    private string? _previous;

    public async Task InitializeAsync()
    {
        _database = await Fixtures.TestDatabase.CreateAsync(Data.DatabaseProvider.Sqlite);
        _previous = Environment.GetEnvironmentVariable("Database__ConnectionString");
        Environment.SetEnvironmentVariable("Database__ConnectionString", _database.ConnectionString);
        Environment.SetEnvironmentVariable("Rules__Folder", _rules);
        Assert.Equal(0, (await RunAsync("migrate")).Exit); // the CLI never migrates on its own
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("Database__ConnectionString", _previous);
        Environment.SetEnvironmentVariable("Rules__Folder", null);
        await _database.DisposeAsync();
        Directory.Delete(_rules, recursive: true);
    }

    private void Edit(string file, string from, string to)
    {
        var path = Path.Combine(_rules, file);
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to));
    }

    [Fact]
    public async Task PassesTheDefaultRulesAndGoldenCases()
    {
        var (exit, output) = await RunAsync("rules", "test", _rules);

        Assert.Equal(0, exit);
        Assert.Contains("9 golden case(s) pass", output);
    }

    [Fact]
    public async Task ExitsWith1AndNamesRuleFieldAndSuggestionGivenMisspelledField()
    {
        Edit("scoring.json", "account.EmployeeCount >= 200", "account.EmployeCount >= 200");

        var (exit, output) = await RunAsync("rules", "validate", _rules);

        Assert.Equal(1, exit);
        Assert.Contains("scoring.json:9: workflow Fit, rule MidMarketSize: unknown field EmployeCount on account", output);
        Assert.Contains("Did you mean EmployeeCount?", output);
    }

    [Fact]
    public async Task ExitsWith1GivenDeliberatelyWrongExpectedTier()
    {
        Edit(Path.Combine("tests", "default-model.json"), "\"tier\": \"Tier1\"", "\"tier\": \"Tier2\"");

        var (exit, output) = await RunAsync("rules", "test", _rules);

        Assert.Equal(1, exit);
        Assert.Contains("expected tier Tier2 but the rules give Tier1", output);
    }

    [Fact]
    public async Task PrintsTheMovementMatrixAndWritesNothingGivenWhatIf()
    {
        var accounts = Path.Combine(_rules, "..", $"accounts-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(accounts, Fixtures.ScoredAccounts.GoodFitCsv);
        Assert.Equal(0, (await RunAsync("import", "accounts", accounts)).Exit);
        var draft = RepoPaths.CopyOfRules();
        File.WriteAllText(Path.Combine(draft, "tiers.json"), File.ReadAllText(Path.Combine(draft, "tiers.json"))
            .Replace("\"tier\": \"Tier3\", \"rank\": 3", "\"tier\": \"Nurture\", \"rank\": 3"));
        File.WriteAllText(Path.Combine(draft, "tests", "default-model.json"), File.ReadAllText(Path.Combine(draft, "tests", "default-model.json"))
            .Replace("\"tier\": \"Tier3\"", "\"tier\": \"Nurture\""));
        File.WriteAllText(Path.Combine(draft, "triggers.json"), File.ReadAllText(Path.Combine(draft, "triggers.json"))
            .Replace("\"tier\": \"Tier3\"", "\"tier\": \"Nurture\""));

        var (exit, output) = await RunAsync("evaluate", "--what-if", "--rules", draft);

        File.Delete(accounts);
        Assert.Equal(0, exit);
        Assert.Contains("nothing was written", output);
        Assert.Contains("3 account(s) would move", output);
        Assert.Contains("fit-1 Good Fit One: Tier3 → Nurture", output);
    }
}
