using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Users;

/// Users: add, list, change a role, disable and enable, and who is behind a password or a token. A disabled user cannot
/// sign in and none of their tokens work. Nobody demotes or disables themselves, so there is always an active admin.
public sealed class UserAdministration(AppDbContext db, ApiTokenCache tokens, TimeProvider clock, ILogger<UserAdministration> logger)
{
    /// A token's last use is written at most this often, so a busy integration does not write on every request.
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Creates a user, with a first API token (a new random one unless <paramref name="token"/> is given) when asked.
    /// Fails with field errors for a bad or taken email, a short password or an unknown rep.
    public async Task<CreatedUser> AddAsync(NewUser request, string? token = null, CancellationToken cancellationToken = default)
    {
        var email = (request.Email ?? "").Trim().ToLowerInvariant();
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            throw new ValidationException("email", $"'{request.Email}' is not an email address");
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 256)
        {
            throw new ValidationException("name", "a name is required (at most 256 characters)");
        }
        if (!Enum.IsDefined(request.Role))
        {
            throw new ValidationException("role", $"role must be one of {string.Join(", ", Enum.GetNames<UserRole>())}");
        }
        if (request.Password is { Length: < 12 })
        {
            throw new ValidationException("password", "a password needs at least 12 characters");
        }
        if (request.Password is null && !request.IssueToken && token is null)
        {
            throw new ValidationException("password", "give a password or ask for an API token; otherwise the user could never sign in");
        }
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken))
        {
            throw new ValidationException("email", $"a user with email '{email}' already exists");
        }
        await CheckRepAsync(request.RepId, cancellationToken);
        var now = Now;
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
        if (request.IssueToken || token is not null)
        {
            token ??= TokenHasher.NewToken();
            user.Tokens.Add(ApiTokens.NewToken(user, "default", token, now, expiresAt: null));
        }
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {Email} added as {Role}", user.Email, user.Role);
        return new CreatedUser(user, user.Tokens.Count > 0 ? token : null);
    }

    /// Every user with their tokens (prefixes only), by email.
    public async Task<List<UserView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.Tokens).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var repIds = users.Select(u => u.RepId).OfType<string>().Distinct().ToList();
        var reps = await db.Reps.AsNoTracking().Where(r => repIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var now = Now;
        return users.Select(u => UserView.From(u, u.RepId is null ? null : reps.GetValueOrDefault(u.RepId), now)).ToList();
    }

    public async Task<UserView?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Tokens).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var repName = user.RepId is null ? null
            : await db.Reps.AsNoTracking().Where(r => r.Id == user.RepId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        return UserView.From(user, repName, Now);
    }

    /// Gives a user another role (and rep link). Refused for the caller's own admin role.
    public async Task<UserView> ChangeRoleAsync(Guid id, RoleChange change, Actor actor, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new KeyNotFoundException($"user {id}");
        if (!Enum.IsDefined(change.Role))
        {
            throw new ValidationException("role", $"role must be one of {string.Join(", ", Enum.GetNames<UserRole>())}");
        }
        await CheckRepAsync(change.RepId, cancellationToken);
        // The caller is an active admin, so refusing their own demotion is enough to keep one admin at all times.
        if (id == actor.Id && change.Role != UserRole.Admin)
        {
            throw new RefusedException("You cannot remove your own admin role",
                "Another admin must change your role, so that there is always an admin and nobody locks themselves out by mistake.");
        }
        var before = user.Role;
        user.Role = change.Role;
        user.RepId = change.RepId ?? user.RepId;
        await db.SaveChangesAsync(cancellationToken);
        tokens.Forget();
        logger.LogInformation("User {Email} role changed {From} -> {To} by {Actor}", user.Email, before, user.Role, actor.Name);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// Disables (no sign-in, no token, the Studio session ends) or enables a user. Nobody can disable themselves.
    public async Task<UserView> SetDisabledAsync(Guid id, bool disabled, Actor actor, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new KeyNotFoundException($"user {id}");
        if (disabled && user.DisabledAt is null)
        {
            if (id == actor.Id)
            {
                throw new RefusedException("You cannot disable yourself", "Another admin must disable your user.");
            }
            user.DisabledAt = Now;
        }
        else if (!disabled)
        {
            user.DisabledAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
        tokens.Forget();
        logger.LogInformation("User {Email} {State} by {Actor}", user.Email, disabled ? "disabled" : "enabled", actor.Name);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// Stores an extra token for the user; returns the clear text once.
    public async Task<string> IssueTokenAsync(Guid userId, string name, string? token = null, CancellationToken cancellationToken = default)
    {
        token ??= TokenHasher.NewToken();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        db.ApiTokens.Add(ApiTokens.NewToken(user, name, token, Now, expiresAt: null));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// The active user behind a bearer token, when the token is known, not revoked and not expired; records its use.
    public async Task<User?> FindByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = TokenHasher.Hash(token);
        var now = Now;
        if (tokens.Find(hash, now) is { } known)
        {
            return known;
        }
        var match = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (match is null || !match.IsActive(now) || match.User is not { DisabledAt: null } user)
        {
            return null;
        }
        if (match.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiTokens.Where(t => t.Id == match.Id).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        tokens.Remember(hash, user, now, match.ExpiresAt);
        return user;
    }

    /// The user with this email and password, disabled or not (the caller says which it is); null when either is wrong.
    /// An unknown email costs the same hashing as a known one, so timing does not reveal who has an account; a password
    /// stored in an older format is rehashed with the current one once it has been proven right.
    public async Task<User?> FindByPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var normalized = (email ?? "").Trim().ToLowerInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        var check = user?.PasswordHash is { } hash ? PasswordHasher.Check(password ?? "", hash) : PasswordHasher.CheckAgainstDummy(password ?? "");
        if (check == PasswordCheck.Wrong)
        {
            return null;
        }
        if (check == PasswordCheck.RightButRehash)
        {
            var upgraded = PasswordHasher.Hash(password!);
            await db.Users.Where(u => u.Id == user!.Id && u.PasswordHash == user.PasswordHash)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.PasswordHash, upgraded), cancellationToken);
            user!.PasswordHash = upgraded;
            logger.LogInformation("Password of user {Email} rehashed in the current format", user.Email);
        }
        return user;
    }

    /// The user as stored now, when still active: a Studio session checks this so that a disabled user is signed out and
    /// a changed role applies.
    public Task<User?> FindActiveAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.DisabledAt == null, cancellationToken);

    private async Task CheckRepAsync(string? repId, CancellationToken cancellationToken)
    {
        if (repId is not null && !await db.Reps.AnyAsync(r => r.Id == repId, cancellationToken))
        {
            throw new ValidationException("repId", $"no rep has id '{repId}'");
        }
    }
}
