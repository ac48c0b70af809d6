using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static AccountPlaybooks.IntegrationTests.Fixtures.Api;

namespace AccountPlaybooks.IntegrationTests.Accounts;

public abstract class AccountsApiImport<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Dictionary<int, string> Broken = new()
    {
        [10] = "crm-00010,Company 10,company10.com,lots,1000,Germany,Software",
        [500] = "crm-00500,Company 500,not a domain,20,1000,Germany,Software",
        [900] = "crm-00900,,company900.com,20,1000,Germany,Software",
    };

    [Fact]
    public async Task Stores997AndReportsTheThreeBrokenRowsByRowAndColumnGivenCrmExport()
    {
        var client = app.ClientAs(UserRole.Ops);
        var csv = CsvFiles.CrmAccounts(1000, Broken);

        var report = await (await client.PostCsvAsync("/api/accounts", csv)).ReadAsync<ImportResult>();

        Assert.Equal((1000, 997, 3), (report.Received, report.Created, report.Failed));
        // Spreadsheet rows: the header is row 1, so data row 10 is row 11.
        Assert.Equal(
            [(11, "Number of Employees"), (501, "Company Domain Name"), (901, "Company name")],
            report.Errors.Select(e => (e.Row, e.Column!)).OrderBy(e => e.Row));
        Assert.Contains("'lots' is not a whole number", report.Errors.Single(e => e.Row == 11).Message);
        Assert.Equal(997, await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Id.StartsWith("crm-"))));

        var again = await (await client.PostCsvAsync("/api/accounts", csv)).ReadAsync<ImportResult>();
        Assert.Equal((0, 0, 997, 3), (again.Created, again.Updated, again.Unchanged, again.Failed));
        Assert.Equal(997, await app.WithDbAsync(db => db.Accounts.CountAsync(a => a.Id.StartsWith("crm-"))));
    }

    [Fact]
    public async Task KeepsStoredFieldsGivenFileWithoutThoseColumns()
    {
        var client = app.ClientAs(UserRole.Ops);
        await (await client.PostRawJsonAsync("/api/accounts",
            """[{"id":"keep-1","name":"Keep One","industry":"Fintech","techStack":["Salesforce","Snowflake"]}]""")).ReadAsync<ImportResult>();
        var version = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id == "keep-1").Select(a => a.Version).SingleAsync());

        var update = await (await client.PostRawJsonAsync("/api/accounts", """{"id":"keep-1","name":"Keep One","employees":"1,200"}"""))
            .ReadAsync<ImportResult>();

        Assert.Equal(1, update.Updated);
        var stored = await app.WithDbAsync(db => db.Accounts.SingleAsync(a => a.Id == "keep-1"));
        Assert.Equal(("Fintech", 1200), (stored.Industry, stored.Employees));
        Assert.Equal(["Salesforce", "Snowflake"], stored.TechStack);
        Assert.NotEqual(version, stored.Version);
    }

    [Fact]
    public async Task StoresTheRowsBeforeTheBreakAndNamesTheRowGivenMalformedJson()
    {
        var client = app.ClientAs(UserRole.Ops);
        var json = """[{"id":"bad-json-1","name":"One"},{"id":"bad-json-2","name":"Two"},{"id":"bad-json-3","name": ]""";

        var report = await (await client.PostRawJsonAsync("/api/accounts", json)).ReadAsync<ImportResult>();

        Assert.NotNull(report.Aborted);
        Assert.StartsWith("row 3: invalid JSON", report.Aborted);
        Assert.Equal(2, report.Created);
        Assert.Equal(["bad-json-1", "bad-json-2"],
            await app.WithDbAsync(db => db.Accounts.Where(a => a.Id.StartsWith("bad-json-")).Select(a => a.Id).OrderBy(id => id).ToListAsync()));
    }

    [Fact]
    public async Task AnswersUnsupportedMediaTypeGivenXml()
    {
        var response = await app.ClientAs(UserRole.Ops).PostAsync("/api/accounts",
            new StringContent("<accounts/>", System.Text.Encoding.UTF8, "application/xml"));

        var problem = await response.ProblemAsync(415);
        Assert.Contains("text/csv", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ListsAccountsPagedAndFilteredByText()
    {
        var client = app.ClientAs(UserRole.Rep);
        await (await app.ClientAs(UserRole.Ops).PostCsvAsync("/api/accounts", "id,name,domain\nlist-1,Zephyr Labs,zephyr.io\nlist-2,Zeta Corp,zeta.com\n"))
            .ReadAsync<ImportResult>();

        var page = await (await client.GetAsync("/api/accounts?q=zephyr&pageSize=10")).ReadAsync<PageOf>();

        Assert.Equal(1, page.Total);
        Assert.Equal("list-1", page.Items.Single().GetProperty("id").GetString());
    }

    public sealed record PageOf(List<System.Text.Json.JsonElement> Items, int PageNumber, int PageSize, int Total);
}

public sealed class AccountsApiImportOnSqlite(SqliteApp app) : AccountsApiImport<SqliteApp>(app);

public sealed class AccountsApiImportOnPostgres(PostgresApp app) : AccountsApiImport<PostgresApp>(app);
