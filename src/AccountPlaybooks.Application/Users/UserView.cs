using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

/// A user as admins see it (no password hash, token prefixes only), with the name of the rep record they work as.
public sealed record UserView(Guid Id, string Email, string Name, UserRole Role, string? RepId, string? RepName, bool HasPassword,
    DateTime CreatedAt, DateTime? DisabledAt, IReadOnlyList<TokenView> Tokens)
{
    public static UserView From(User user, string? repName, DateTime now) => new(user.Id, user.Email, user.Name, user.Role, user.RepId, repName,
        user.PasswordHash is not null, user.CreatedAt, user.DisabledAt,
        user.Tokens.OrderByDescending(t => t.CreatedAt).Select(t => TokenView.From(t, user, now)).ToList());
}
