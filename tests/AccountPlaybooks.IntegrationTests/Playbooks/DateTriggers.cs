using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// "90 days before renewal_date": an account starts the playbook once it is 90 days from its date, never twice for the
/// same date, not once the date has passed, and again when the date moves (the next year's renewal).
public abstract class DateTriggers<TApp>(TApp app) : IClassFixture<TApp> where TApp : DateTriggerApp
{
    [Fact]
    public async Task StartsNinetyDaysBeforeTheDateOnceAndAgainWhenTheDateMoves()
    {
        var today = app.Clock.GetUtcNow().UtcDateTime.Date;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        await ImportAsync($"dt-far,Far,Customer,{Day(100)}\ndt-near,Near,Customer,{Day(30)}\ndt-past,Past,Customer,{Day(-5)}\ndt-none,None,Customer,\n" +
                          $"dt-bad,Bad date,Customer,31/03/2027\n");

        Assert.Equal(1, await SweepAsync());
        Assert.Equal(["dt-near"], await StartedAsync());
        Assert.Equal(0, await SweepAsync()); // the same date never fires twice

        app.Clock.Advance(TimeSpan.FromDays(11)); // dt-far is now 89 days away
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(["dt-far", "dt-near"], await StartedAsync());
        var startedBy = await app.WithDbAsync(db => db.PlaybookInstances.Where(i => i.AccountId == "dt-far").Select(i => i.StartedBy).SingleAsync());
        Assert.Equal($"90 days before renewal_date {Day(100)}", startedBy);

        // dt-near renewed: its next renewal is a year on. Nothing fires until that date is 90 days away, then it fires again.
        await ImportAsync($"dt-near,Near,Customer,{Day(30 + 365)}\n");
        Assert.Equal(0, await SweepAsync());
        app.Clock.Advance(TimeSpan.FromDays(30 + 365 - 11 - 89));
        Assert.Equal(1, await SweepAsync());
        var near = await app.WithDbAsync(db => db.DateTriggerFirings.Where(f => f.AccountId == "dt-near").OrderBy(f => f.Date).ToListAsync());
        Assert.Equal([today.AddDays(30), today.AddDays(30 + 365)], near.Select(f => f.Date));
        Assert.All(near, f => Assert.NotNull(f.InstanceId));
        Assert.Equal(2, await app.WithDbAsync(db => db.PlaybookInstances.CountAsync(i => i.AccountId == "dt-near" && i.DefinitionId == "renewal-call")));
    }

    private async Task ImportAsync(string rows)
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,lifecycle,custom.renewal_date\n" + rows)).ReadAsync<Api.ImportResult>();
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DateTriggerSweep>().SweepAsync();
    }

    private Task<List<string>> StartedAsync() => app.WithDbAsync(db => db.PlaybookInstances
        .Where(i => i.DefinitionId == "renewal-call").Select(i => i.AccountId).Distinct().OrderBy(id => id).ToListAsync());
}

/// A renewal playbook that ends at once, with a short cooldown, so the next year's date can start it again.
public abstract class DateTriggerApp(DatabaseProvider provider) : AppFixture(provider)
{
    private const string Playbook = """
        {
          "id": "renewal-call", "name": "Renewal call",
          "triggers": [ { "type": "dateApproaching", "field": "renewal_date", "daysBefore": 90 } ],
          "exit": { "onDisqualification": false },
          "reenrollment": { "policy": "cooldown", "cooldown": "P1D" },
          "nodes": [ { "id": "start", "type": "Start" }, { "id": "end", "type": "End" } ],
          "edges": [ { "from": "start", "port": "Done", "to": "end" } ]
        }
        """;

    public string Workflows { get; } = WriteFolder();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Playbooks:Folder"] = Workflows };

    private static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        File.WriteAllText(Path.Combine(folder, "renewal-call.json"), Playbook);
        return folder;
    }
}

public sealed class DateTriggerOnSqlite() : DateTriggerApp(DatabaseProvider.Sqlite);

public sealed class DateTriggerOnPostgres() : DateTriggerApp(DatabaseProvider.Postgres);

public sealed class DateTriggersOnSqlite(DateTriggerOnSqlite app) : DateTriggers<DateTriggerOnSqlite>(app);

public sealed class DateTriggersOnPostgres(DateTriggerOnPostgres app) : DateTriggers<DateTriggerOnPostgres>(app);
