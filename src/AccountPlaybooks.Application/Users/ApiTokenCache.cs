using System.Collections.Concurrent;
using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

/// Who is behind a token, remembered for a few seconds by the token's hash, so an integration sending a thousand
/// requests a second is authenticated without a query each (the lookup was a query per request, and under load those
/// queued for the connection pool). Revoking a token, or changing or disabling a user, forgets everything on this
/// node at once; on another node of a cluster a revoked token works at most <see cref="Lifetime"/> longer.
public sealed class ApiTokenCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    /// More distinct tokens than this within a lifetime is not an integration but a guesser: start over.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (User User, DateTime Until)> _users = new(StringComparer.Ordinal);

    public User? Find(string tokenHash, DateTime now) =>
        _users.TryGetValue(tokenHash, out var entry) && now < entry.Until ? entry.User : null;

    /// Remembers an active token's user until the lifetime or the token's expiry, whichever comes first.
    public void Remember(string tokenHash, User user, DateTime now, DateTime? tokenExpiresAt)
    {
        if (_users.Count >= MaxEntries)
        {
            _users.Clear();
        }
        var until = now + Lifetime;
        _users[tokenHash] = (user, tokenExpiresAt is { } expires && expires < until ? expires : until);
    }

    public void Forget() => _users.Clear();
}
