namespace AccountPlaybooks.Domain.Users;

/// Someone who signs in to the Studio or calls the API. Reps and managers link to their <see cref="RepId"/>.
public sealed class User
{
    public Guid Id { get; set; }
    public required string Email { get; set; }
    public required string Name { get; set; }
    public UserRole Role { get; set; }
    public string? RepId { get; set; }

    /// ASP.NET Core Identity password hash (older "pbkdf2-sha256$…" ones are replaced at the next sign-in); null for token-only users.
    public string? PasswordHash { get; set; }
    public DateTime CreatedAt { get; set; }

    /// Set when an admin disables the user: no sign-in, no token works, an open Studio session ends. Null when active.
    public DateTime? DisabledAt { get; set; }
    public List<ApiToken> Tokens { get; set; } = [];
}
