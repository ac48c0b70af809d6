using System.Net;
using System.Text.Json;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Inbound;

/// The app with the inbound import on: a drop folder, a signals feed on loopback (with a bearer token) and a URL
/// nothing listens on.
public abstract class InboundApp(DatabaseProvider provider) : AppFixture(provider), IDisposable
{
    public const string Token = "feed-token-never-stored";
    public const string Unreachable = "http://127.0.0.1:9/accounts.csv";

    public string DropFolder { get; } = Directory.CreateTempSubdirectory("accountplaybooks-inbound-").FullName;

    public FakeFeed Feed { get; } = new(Token);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Inbound:Folder"] = DropFolder,
        ["Inbound:Sources:0:Url"] = $"{Feed.Url}/signals.json",
        ["Inbound:Sources:0:Kind"] = "signals",
        ["Inbound:Sources:0:Format"] = "json",
        ["Inbound:Sources:0:Token"] = Token,
        ["Inbound:Sources:1:Url"] = Unreachable,
        ["Inbound:Sources:1:Kind"] = "accounts",
        ["Inbound:Sources:1:Format"] = "csv",
        ["Inbound:TimeoutSeconds"] = "60",
    };

    public void Dispose()
    {
        Feed.DisposeAsync().AsTask().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }
}

public sealed class InboundAppOnSqlite() : InboundApp(DatabaseProvider.Sqlite);

public sealed class InboundAppOnPostgres() : InboundApp(DatabaseProvider.Postgres);

/// A dropped file is imported once through the account importer, its bad row reported by row and column and the file
/// moved to done/; a URL source brings signals in with its bearer token; an unreachable URL is a failed run with its
/// error; reps cannot see or start runs.
public abstract class InboundImportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : InboundApp
{
    public sealed record Row(long Id, string Source, string Kind, string Status, DateTime StartedAt, DateTime FinishedAt,
        int Received, int Created, int Updated, int Failed, string? Error);

    public sealed record Report(int Received, int Created, int Updated, int Unchanged, int Duplicates, int Failed,
        List<ImportError> Errors, List<string> IgnoredColumns, string? Aborted);

    public sealed record View(Row Run, Report? Report);

    public sealed record RunPage(List<Row> Items, int Page, int PageSize, int Total);

    private async Task<List<Row>> RunNowAsync() =>
        await (await app.ClientAs(UserRole.Ops).PostAsync("/api/imports/run", null)).ReadAsync<List<Row>>();

    [Fact]
    public async Task ADroppedFileImportsItsGoodRowsReportsTheBadRowAndIsImportedOnce()
    {
        var name = "accounts-drop-1.csv";
        await File.WriteAllTextAsync(Path.Combine(app.DropFolder, name),
            "id,name,industry,employees,annualRevenue,region\n" +
            "drop-1,Drop One,Fintech,300,30000000,EMEA\n" +
            "drop-2,Drop Two,Fintech,lots,30000000,EMEA\n" +
            "drop-3,Drop Three,Fintech,120,9000000,EMEA\n");

        var run = Assert.Single(await RunNowAsync(), r => r.Source == name);

        Assert.Equal(("accounts", "partial", 3, 2, 1), (run.Kind, run.Status, run.Received, run.Created, run.Failed));
        var ids = await app.WithDbAsync(db => db.Accounts.Where(a => a.Id.StartsWith("drop-")).Select(a => a.Id).OrderBy(id => id).ToListAsync());
        Assert.Equal(["drop-1", "drop-3"], ids);
        Assert.True(File.Exists(Path.Combine(app.DropFolder, "done", name)));
        Assert.False(File.Exists(Path.Combine(app.DropFolder, name)));

        var view = await (await app.ClientAs(UserRole.Admin).GetAsync($"/api/imports/runs/{run.Id}")).ReadAsync<View>();
        var error = Assert.Single(view.Report!.Errors);
        Assert.Equal((3, "employees"), (error.Row, error.Column)); // the header is row 1
        Assert.Contains("'lots' is not a whole number", error.Message);

        var again = await RunNowAsync();
        Assert.DoesNotContain(again, r => r.Source == name);
        var list = await (await app.ClientAs(UserRole.Ops).GetAsync("/api/imports/runs?pageSize=100")).ReadAsync<RunPage>();
        Assert.Single(list.Items, r => r.Source == name);
        Assert.Equal(list.Items.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Select(r => r.Id), list.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task AUrlSourceImportsSignalsWithItsBearerToken()
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry\nfeed-1,Feed One,Fintech\n")).ReadAsync<Api.ImportResult>();
        var at = app.Clock.GetUtcNow().AddHours(-1);
        app.Feed.Body = JsonSerializer.Serialize(new object[]
        {
            new { id = "feed-sig-1", accountId = "feed-1", type = "email_open", occurredAt = at },
            new { id = "feed-sig-2", accountId = "feed-1", type = "page_visit", occurredAt = at, properties = new { page = "/pricing" } },
        });

        var run = Assert.Single(await RunNowAsync(), r => r.Source.EndsWith("/signals.json", StringComparison.Ordinal));

        Assert.Equal(("signals", "ok", 2, 2, 0), (run.Kind, run.Status, run.Received, run.Created, run.Failed));
        Assert.Equal(2, await app.WithDbAsync(db => db.Signals.CountAsync(s => s.AccountId == "feed-1")));
        Assert.Contains($"Bearer {InboundApp.Token}", app.Feed.Authorizations);
        var stored = await app.WithDbAsync(db => db.ImportRuns.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(stored, r => (r.Source + r.Report + r.Error).Contains(InboundApp.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreachableUrlIsAFailedRunWithItsError()
    {
        var run = Assert.Single(await RunNowAsync(), r => r.Source == InboundApp.Unreachable);

        Assert.Equal(("failed", 0), (run.Status, run.Received));
        Assert.Contains("could not be fetched", run.Error);
        var view = await (await app.ClientAs(UserRole.Ops).GetAsync($"/api/imports/runs/{run.Id}")).ReadAsync<View>();
        Assert.Equal(run.Error, view.Run.Error);
    }

    [Fact]
    public async Task ARepCannotSeeOrStartRuns()
    {
        var rep = app.ClientAs(UserRole.Rep);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.GetAsync("/api/imports/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync("/api/imports/run", null)).StatusCode);
    }
}

public sealed class InboundImportTestsOnSqlite(InboundAppOnSqlite app) : InboundImportTests<InboundAppOnSqlite>(app);

public sealed class InboundImportTestsOnPostgres(InboundAppOnPostgres app) : InboundImportTests<InboundAppOnPostgres>(app);
