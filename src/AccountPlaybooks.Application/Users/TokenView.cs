using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

/// An API token as admins see it: never the token or its hash, only the first characters (<see cref="Prefix"/>) to tell
/// it apart. Status is active, revoked or expired.
public sealed record TokenView(Guid Id, Guid UserId, string UserEmail, string UserName, string Name, string Prefix, DateTime CreatedAt,
    DateTime? ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt, string Status)
{
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public static TokenView From(ApiToken token, User user, DateTime now) => new(token.Id, user.Id, user.Email, user.Name, token.Name,
        token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt,
        token.RevokedAt is not null ? Revoked : token.IsActive(now) ? Active : Expired);
}
