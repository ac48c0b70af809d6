using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Fixtures.Api;

namespace AccountPlaybooks.IntegrationTests.Accounts;

/// Hostile and awkward import files (ImportCorpus/), each beside the report and stored accounts it must produce:
/// the promises of docs/import.md checked through POST /api/accounts. A file may name a "before" file imported first.
public abstract class AccountsApiImportCorpus<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "AccountPlaybooks.IntegrationTests", "Accounts", "ImportCorpus");

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var expected in Directory.GetFiles(Folder, "*.expected.json").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(expected)[..^".expected.json".Length]);
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task AnswersWithTheExpectedReportAndStoresTheExpectedAccounts(string file)
    {
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, file + ".expected.json")))!.AsObject();
        if (expected["before"]?.GetValue<string>() is { } before)
        {
            var setup = await ImportAsync(before);
            Assert.True(setup.Failed == 0 && setup.Aborted is null, $"{before}: {string.Join("; ", setup.Errors)} {setup.Aborted}");
        }

        var report = await ImportAsync(file);

        var actual = JsonSerializer.SerializeToNode(report, Json)!.AsObject();
        foreach (var (key, value) in expected["report"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(value, actual[key]), $"{file}: {key} is {actual[key]}, expected {value}; report: {actual.ToJsonString()}");
        }
        var errors = expected["errors"]!.AsArray().Select(e => (Row: (int)e!["row"]!, Column: (string?)e["column"], Message: (string)e["message"]!)).ToList();
        Assert.Equal(errors.Select(e => (e.Row, e.Column)), report.Errors.Select(e => (e.Row, e.Column)));
        foreach (var (error, actualError) in errors.Zip(report.Errors))
        {
            Assert.Contains(error.Message, actualError.Message, StringComparison.Ordinal);
        }
        if (expected["aborted"]?.GetValue<string>() is { } aborted)
        {
            Assert.NotNull(report.Aborted);
            Assert.StartsWith(aborted, report.Aborted, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(report.Aborted);
        }
        foreach (var (id, fields) in expected["accounts"]!.AsObject())
        {
            var stored = await app.WithDbAsync(db => db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id));
            if (fields is null)
            {
                Assert.True(stored is null, $"{file}: account {id} should not have been stored");
                continue;
            }
            Assert.True(stored is not null, $"{file}: account {id} was not stored");
            var storedJson = JsonSerializer.SerializeToNode(stored, Json)!.AsObject();
            foreach (var (field, value) in fields.AsObject())
            {
                Assert.True(JsonNode.DeepEquals(value, storedJson[field]), $"{file}: {id}.{field} is {storedJson[field]?.ToJsonString() ?? "null"}, expected {value?.ToJsonString() ?? "null"}");
            }
        }
    }

    [Fact]
    public async Task RejectsTheRowAndAnswersASmallReportGivenCellsOfSeveralMegabytes()
    {
        var huge = new string('9', 5 * 1024 * 1024);
        var csv = $"id,name,employees,custom.notes\ncorp-huge-1,{huge},,\ncorp-huge-2,Huge Number,{huge},\ncorp-huge-3,Huge Note,,{huge}\ncorp-huge-4,Fine,,\n";

        var response = await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", csv);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(body.Length < 10_000, $"the report echoes the huge cell: {body.Length} characters");
        var report = await response.ReadAsync<ImportResult>();
        Assert.Equal((4, 1, 3), (report.Received, report.Created, report.Failed));
        Assert.Equal([(2, "name"), (3, "employees"), (4, "custom.notes")], report.Errors.Select(e => (e.Row, e.Column!)));
    }

    [Fact]
    public async Task RejectsTheRowGivenJsonObjectWithTooManyFields()
    {
        var wide = new JsonObject { ["id"] = "corp-wide-1", ["name"] = "Wide" };
        for (var i = 0; i < 5000; i++)
        {
            wide[$"extra{i}"] = "x";
        }
        var json = new JsonArray(wide, new JsonObject { ["id"] = "corp-wide-2", ["name"] = "Narrow" }).ToJsonString();

        var report = await (await app.ClientAs(UserRole.Ops).PostRawJsonAsync("/api/accounts", json)).ReadAsync<ImportResult>();

        Assert.Equal((2, 1, 1), (report.Received, report.Created, report.Failed));
        Assert.Contains("5002 fields; the limit is 1000", Assert.Single(report.Errors).Message);
        Assert.True(report.IgnoredColumns.Count <= 100, $"{report.IgnoredColumns.Count} ignored columns listed");
    }

    [Fact]
    public async Task StopsAtTheHeaderGivenCsvWithTooManyColumns()
    {
        var header = "id,name," + string.Join(',', Enumerable.Range(0, 5000).Select(i => $"extra{i}"));
        var csv = header + "\ncorp-widecsv-1,Wide" + new string(',', 5000) + "\n";

        var report = await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", csv)).ReadAsync<ImportResult>();

        Assert.StartsWith("row 1: the header has 5002 columns; the limit is 1000", report.Aborted);
        Assert.Equal(0, report.Received);
    }

    private async Task<ImportResult> ImportAsync(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Folder, file));
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Path.GetExtension(file) switch
        {
            ".csv" => "text/csv",
            ".ndjson" => "application/x-ndjson",
            _ => "application/json",
        }) { CharSet = Encoding.UTF8.WebName };
        return await (await app.ClientAs(UserRole.Ops).PostAsync("/api/accounts", content)).ReadAsync<ImportResult>();
    }
}

public sealed class AccountsApiImportCorpusOnSqlite(SqliteApp app) : AccountsApiImportCorpus<SqliteApp>(app);

public sealed class AccountsApiImportCorpusOnPostgres(PostgresApp app) : AccountsApiImportCorpus<PostgresApp>(app);
