using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Security;

/// Passwords stored before Identity's hasher still sign in, once, and are rehashed in the current format.
public abstract class PasswordUpgrade<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task AnOldHashSignsInOnceAndIsReplacedByTheCurrentFormat()
    {
        var id = await UserWithOldHashAsync("veteran@example.test", "an old but good password");

        var wrong = await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "veteran@example.test", password = "not the password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.StartsWith("pbkdf2-sha256$", await StoredHashAsync(id)); // a wrong password changes nothing

        var right = await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "veteran@example.test", password = "an old but good password" });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var upgraded = await StoredHashAsync(id);
        Assert.DoesNotContain("pbkdf2-sha256", upgraded);
        Assert.Equal(PasswordCheck.Right, PasswordHasher.Check("an old but good password", upgraded));

        var again = await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "veteran@example.test", password = "an old but good password" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task AnUnknownEmailGetsTheSameAnswerAsAWrongPassword()
    {
        var unknown = await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "correct horse battery" }))
            .ProblemAsync(401);
        var wrong = await (await app.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email = "ops@example.test", password = "wrong horse battery" }))
            .ProblemAsync(401);

        Assert.Equal(wrong.GetProperty("title").GetString(), unknown.GetProperty("title").GetString());
    }

    private async Task<Guid> UserWithOldHashAsync(string email, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, 100_000, HashAlgorithmName.SHA256, 32);
        var user = new User
        {
            Id = Guid.NewGuid(), Email = email, Name = "Veteran", Role = UserRole.Ops, CreatedAt = DateTime.UtcNow,
            PasswordHash = $"pbkdf2-sha256$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}",
        };
        await app.WithDbAsync(async db =>
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        });
        return user.Id;
    }

    private Task<string> StoredHashAsync(Guid id) =>
        app.WithDbAsync(async db => (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).PasswordHash!);
}

public sealed class PasswordUpgradeOnSqlite(SqliteApp app) : PasswordUpgrade<SqliteApp>(app);

public sealed class PasswordUpgradeOnPostgres(PostgresApp app) : PasswordUpgrade<PostgresApp>(app);
