namespace AccountPlaybooks.Domain.Users;

/// A bearer token for integrations. Only its SHA-256 hash is stored; the clear text is shown once.
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }

    /// The first characters of the token, so people can tell their tokens apart.
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// When the token last opened a request, to the minute or so (recorded at most once a minute per token).
    public DateTime? LastUsedAt { get; set; }

    public bool IsActive(DateTime utcNow) => RevokedAt is null && (ExpiresAt is not { } expires || utcNow < expires);
}
