using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Users;

/// API tokens for integrations: issue (the clear text is returned once, only its SHA-256 is stored), list by prefix with
/// their last use, revoke. Logs name a token by its prefix, never its text.
public sealed class ApiTokens(AppDbContext db, ApiTokenCache cache, TimeProvider clock, ILogger<ApiTokens> logger)
{
    /// The longest life a token can be given; a token without an expiry lives until it is revoked.
    public const int MaxDays = 730;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// Every token, newest first, with its user.
    public async Task<List<TokenView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var tokens = await db.ApiTokens.AsNoTracking().Include(t => t.User).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return tokens.Select(t => TokenView.From(t, t.User!, now)).ToList();
    }

    public async Task<IssuedToken> IssueAsync(NewToken request, Actor actor, CancellationToken cancellationToken = default)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 128)
        {
            throw new ValidationException("name", "a name is required (at most 128 characters), e.g. what will use the token");
        }
        if (request.ExpiresInDays is < 1 or > MaxDays)
        {
            throw new ValidationException("expiresInDays", $"expiresInDays must be between 1 and {MaxDays}, or left out for a token that lives until revoked");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new ValidationException("userId", $"no user has id '{request.UserId}'");
        if (user.DisabledAt is not null)
        {
            throw new ValidationException("userId", $"{user.Email} is disabled; enable the user first");
        }
        var now = Now;
        var token = TokenHasher.NewToken();
        var stored = NewToken(user, name, token, now, request.ExpiresInDays is { } days ? now.AddDays(days) : null);
        db.ApiTokens.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("API token {Prefix} ({Name}) issued for {Email} by {Actor}", stored.Prefix, stored.Name, user.Email, actor.Name);
        return new IssuedToken(token, TokenView.From(stored, user, now));
    }

    /// Revokes a token at once: the next request with it is refused. Revoking a revoked token changes nothing.
    public async Task<TokenView?> RevokeAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (token is null)
        {
            return null;
        }
        if (token.RevokedAt is null)
        {
            token.RevokedAt = Now;
            await db.SaveChangesAsync(cancellationToken);
            cache.Forget();
            logger.LogInformation("API token {Prefix} ({Name}) of {Email} revoked by {Actor}", token.Prefix, token.Name, token.User!.Email, actor.Name);
        }
        return TokenView.From(token, token.User!, Now);
    }

    internal static ApiToken NewToken(User user, string name, string token, DateTime now, DateTime? expiresAt) => new()
    {
        Id = Guid.NewGuid(),
        UserId = user.Id,
        Name = name,
        TokenHash = TokenHasher.Hash(token),
        Prefix = TokenHasher.DisplayPrefix(token),
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };
}
