using System.Net;
using System.Text;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;

namespace AccountPlaybooks.IntegrationTests.Rules;

/// What the rule editor asks the server for as ops type: the vocabulary to complete from, and problems with a fix that
/// can be applied to the file. Neither touches the database, so SQLite alone is enough.
public sealed class RulesApiAssist(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ServesTheKeysAndTheFactMembersWithSignaturesAndDocsToOps()
    {
        var vocabulary = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/rules/vocabulary")).ReadAsync<JsonElement>();

        Assert.Contains("RuleName", vocabulary.GetProperty("ruleKeys").EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        var types = vocabulary.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        var employees = types["AccountFacts"].GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "EmployeeCount");
        Assert.Equal(("Property", "int", "Employees, 0 if unknown"),
            (employees.GetProperty("kind").GetString(), employees.GetProperty("returns").GetString(), employees.GetProperty("description").GetString()));
        var signals = types["SignalWindow"].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("Decayed", signals);
        Assert.DoesNotContain("TakeEvidence", signals);
        Assert.Equal("AccountFacts", vocabulary.GetProperty("parameters")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Answers403GivenRepAskingForTheVocabulary()
    {
        var response = await app.ClientAs(UserRole.Rep).GetAsync("/api/rules/vocabulary");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnswersAFixThatMakesTheFileValidGivenMisspelledField()
    {
        var ops = app.ClientAs(UserRole.Ops);
        var broken = File.ReadAllText(Path.Combine(app.RulesFolder, "scoring.json")).Replace("account.EmployeeCount >= 200", "account.Employes >= 200");

        var problem = (await (await ops.PostAsync("/api/rules/scoring/validate", Json(broken))).ProblemAsync(422)).GetProperty("problems")[0];

        var fix = problem.GetProperty("fix");
        Assert.Equal(("Employes", "EmployeeCount"), (fix.GetProperty("replace").GetString(), fix.GetProperty("with").GetString()));
        Assert.Equal(problem.GetProperty("line").GetInt32(), fix.GetProperty("line").GetInt32());
        var lines = broken.Split('\n');
        var (line, column) = (fix.GetProperty("line").GetInt32() - 1, fix.GetProperty("column").GetInt32() - 1);
        Assert.Equal("Employes", lines[line].Substring(column, "Employes".Length));
        lines[line] = lines[line][..column] + "EmployeeCount" + lines[line][(column + "Employes".Length)..];
        var fixedResponse = await ops.PostAsync("/api/rules/scoring/validate", Json(string.Join('\n', lines)));
        Assert.True((await fixedResponse.ReadAsync<JsonElement>()).GetProperty("accepted").GetBoolean());
    }
}
