using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Signals;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.IntegrationTests.Playbooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Scoring;

/// The evaluator reads signal windows with raw SQL (SignalWindowReader), not EF: on each provider it must give the
/// rules exactly the signals, dates and properties EF would, for a keyset range and for a list of ids longer than
/// one command's IN list, inside the evaluator's transaction too.
public abstract class SignalWindowReading(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Since = Now.AddDays(-120);
    private TestDatabase _database = null!;
    private string _workflows = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _workflows = Directory.CreateTempSubdirectory("accountplaybooks-window-reading-").FullName;
        _services = DelayedInstances.Services(_database.ConnectionString, _workflows, TimeProvider.System, provider);
        await _services.MigrateDatabaseAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var a = 0; a < 620; a++)
        {
            var id = $"acc-{a:D4}";
            db.Accounts.Add(new Account { Id = id, Name = $"Account {a}" });
            if (a % 5 == 4)
            {
                continue; // a silent account: no window at all
            }
            db.Signals.Add(new Signal { Id = $"{id}-visit", AccountId = id, Type = "page_visit", OccurredAt = Now.AddDays(-a % 90).AddTicks(a * 1234567),
                Properties = new() { ["page"] = $"/pricing?plan=\"team\"&n={a}", ["contact"] = "Zoë — 東京 😀" } });
            db.Signals.Add(new Signal { Id = $"{id}-open", AccountId = id, Type = "email_open", OccurredAt = Now.AddHours(-a) });
            db.Signals.Add(new Signal { Id = $"{id}-old", AccountId = id, Type = "email_open", OccurredAt = Since.AddSeconds(-1) });
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [Fact]
    public async Task ReadsWhatEfReadsForIdsBeyondOneInList()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Accounts.Select(a => a.Id).ToListAsync();

        var windows = await SignalWindowReader.ReadAsync(db, ids, Since, CancellationToken.None);

        Assert.Equal(496, windows.Count);
        await AssertSameAsEfAsync(db, windows, ids);
    }

    [Fact]
    public async Task ReadsAKeysetRangeInsideTheCallersTransaction()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var windows = await SignalWindowReader.ReadRangeAsync(db, "acc-0100", "acc-0199", Since, CancellationToken.None);

        Assert.Equal(80, windows.Count);
        Assert.All(windows.Keys, id => Assert.InRange(string.CompareOrdinal(id, "acc-0100"), 0, int.MaxValue));
        Assert.All(windows.Keys, id => Assert.InRange(string.CompareOrdinal(id, "acc-0199"), int.MinValue, 0));
        await AssertSameAsEfAsync(db, windows, Enumerable.Range(100, 100).Select(a => $"acc-{a:D4}").ToList());
    }

    private static async Task AssertSameAsEfAsync(AppDbContext db, Dictionary<string, List<SignalFact>> windows, List<string> ids)
    {
        var expected = await db.Signals.AsNoTracking().Where(s => ids.Contains(s.AccountId) && s.OccurredAt >= Since).ToListAsync();
        Assert.Equal(expected.Count, windows.Values.Sum(w => w.Count));
        foreach (var signal in expected)
        {
            var read = Assert.Single(windows[signal.AccountId], s => s.Id == signal.Id);
            Assert.Equal(signal.Type, read.Type);
            Assert.Equal(signal.OccurredAt, read.OccurredAt);
            Assert.Equal(DateTimeKind.Utc, read.OccurredAt.Kind);
            Assert.Equal(signal.Properties.OrderBy(p => p.Key), read.Properties.OrderBy(p => p.Key));
        }
    }
}

public sealed class SignalWindowReadingOnSqlite() : SignalWindowReading(DatabaseProvider.Sqlite);

public sealed class SignalWindowReadingOnPostgres() : SignalWindowReading(DatabaseProvider.Postgres);
