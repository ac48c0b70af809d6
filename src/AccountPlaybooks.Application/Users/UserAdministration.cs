using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Users;

public sealed class UserAdministration(AppDbContext db, TimeProvider clock)
{
    /// Creates a user with a first API token (a new random one unless <paramref name="token"/> is given).
    /// Fails with field errors for a bad or taken email, a short password or an unknown rep.
    public async Task<CreatedUser> AddAsync(NewUser request, string? token = null, CancellationToken cancellationToken = default)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            throw new ValidationException("email", $"'{request.Email}' is not an email address");
        }
        if (request.Password is { Length: < 12 })
        {
            throw new ValidationException("password", "a password needs at least 12 characters");
        }
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw new ValidationException("email", $"a user with email '{email}' already exists");
        }
        if (request.RepId is not null && !await db.Reps.AnyAsync(r => r.Id == request.RepId, cancellationToken))
        {
            throw new ValidationException("repId", $"no rep has id '{request.RepId}'");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.NewGuid(),
            Email = email,
            Name = request.Name.Trim(),
            Role = request.Role,
            RepId = request.RepId,
            PasswordHash = request.Password is null ? null : PasswordHasher.Hash(request.Password),
            CreatedAt = now,
        };
        token ??= TokenHasher.NewToken();
        user.Tokens.Add(NewToken(user, "default", token, now));
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedUser(user, token);
    }

    /// Stores an extra token for the user; returns the clear text once.
    public async Task<string> IssueTokenAsync(Guid userId, string name, string? token = null, CancellationToken cancellationToken = default)
    {
        token ??= TokenHasher.NewToken();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        db.ApiTokens.Add(NewToken(user, name, token, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// The user behind a bearer token, when the token is known and active.
    public async Task<User?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = TokenHasher.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var match = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        return match is not null && match.IsActive(now) ? match.User : null;
    }

    public async Task<User?> FindByPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        return user?.PasswordHash is { } hash && PasswordHasher.Verify(password, hash) ? user : null;
    }

    private static ApiToken NewToken(User user, string name, string token, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user.Id,
        Name = name,
        TokenHash = TokenHasher.Hash(token),
        Prefix = TokenHasher.DisplayPrefix(token),
        CreatedAt = now,
    };
}
