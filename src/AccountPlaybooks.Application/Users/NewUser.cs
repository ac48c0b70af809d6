using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

/// A user to add. Without a password the user signs in by API token only; <see cref="IssueToken"/> (the default) gives
/// them a first token, shown once in the answer.
public sealed record NewUser(string Email, string Name, UserRole Role, string? Password, string? RepId = null, bool IssueToken = true);
