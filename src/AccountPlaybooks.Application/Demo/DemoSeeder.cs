using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Demo;

/// Fills an empty database with the demo data set; makes sure the demo reps and logins exist.
public sealed class DemoSeeder(AppDbContext db, UserAdministration users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    private const int ChunkSize = 2000;

    /// Demo reps and logins are always ensured; accounts and signals only go into a database that has no accounts.
    public async Task<bool> SeedAsync(int accounts = 2000, int signals = 20000, CancellationToken cancellationToken = default)
    {
        var generator = new DemoDataGenerator();
        var reps = generator.Reps();
        var repIds = reps.Select(r => r.Id).ToList();
        var storedReps = await db.Reps.Where(r => repIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        db.Reps.AddRange(reps.Where(r => !storedReps.Contains(r.Id)));
        await SaveAndClearAsync(cancellationToken);
        var seeded = !await db.Accounts.AnyAsync(cancellationToken);
        if (seeded)
        {
            await SeedAccountsAndSignalsAsync(generator, accounts, signals, cancellationToken);
        }
        await AddUsersAsync(reps, cancellationToken);
        return seeded;
    }

    private async Task SeedAccountsAndSignalsAsync(DemoDataGenerator generator, int accounts, int signals, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var demoAccounts = generator.Accounts(accounts, now).ToList();
        foreach (var chunk in demoAccounts.Chunk(ChunkSize))
        {
            db.Accounts.AddRange(chunk);
            await SaveAndClearAsync(cancellationToken);
        }
        var signalCount = 0;
        foreach (var chunk in generator.Signals(demoAccounts, signals, now).Concat(signals == 0 ? [] : generator.CustomerSignals(demoAccounts, now)).Chunk(ChunkSize))
        {
            db.Signals.AddRange(chunk);
            signalCount += chunk.Length;
            await SaveAndClearAsync(cancellationToken);
        }
        await LatestSignals.RefreshAllAsync(db, cancellationToken);
        logger.LogInformation("Seeded demo data: {Accounts} accounts, {Signals} signals", demoAccounts.Count, signalCount);
    }

    private async Task AddUsersAsync(IReadOnlyList<Rep> reps, CancellationToken cancellationToken)
    {
        var manager = reps.First(r => r.Role == RepRole.Manager);
        var rep = reps.First(r => r.Role == RepRole.AE && r.ManagerId == manager.Id);
        foreach (var (email, name, role, token) in DemoUsers.All)
        {
            if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
            {
                continue;
            }
            var repId = role switch
            {
                UserRole.Manager => manager.Id,
                UserRole.Rep => rep.Id,
                _ => null,
            };
            await users.AddAsync(new NewUser(email, name, role, DemoUsers.Password, repId), token, cancellationToken);
        }
    }

    private async Task SaveAndClearAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
