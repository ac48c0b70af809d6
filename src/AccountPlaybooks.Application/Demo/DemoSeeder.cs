using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Demo;

/// Fills an empty database with the demo data set and the demo logins. Does nothing if accounts exist.
public sealed class DemoSeeder(AppDbContext db, UserAdministration users, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    private const int ChunkSize = 2000;

    public async Task<bool> SeedAsync(int accounts = 2000, int signals = 20000, CancellationToken cancellationToken = default)
    {
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var generator = new DemoDataGenerator();
        var reps = generator.Reps();
        db.Reps.AddRange(reps);
        await db.SaveChangesAsync(cancellationToken);

        var demoAccounts = generator.Accounts(accounts, now).ToList();
        foreach (var chunk in demoAccounts.Chunk(ChunkSize))
        {
            db.Accounts.AddRange(chunk);
            await SaveAndClearAsync(cancellationToken);
        }
        var signalCount = 0;
        foreach (var chunk in generator.Signals(demoAccounts, signals, now).Chunk(ChunkSize))
        {
            db.Signals.AddRange(chunk);
            signalCount += chunk.Length;
            await SaveAndClearAsync(cancellationToken);
        }
        await AddUsersAsync(reps, cancellationToken);
        logger.LogInformation("Seeded demo data: {Accounts} accounts, {Signals} signals, {Reps} reps",
            demoAccounts.Count, signalCount, reps.Count);
        return true;
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
