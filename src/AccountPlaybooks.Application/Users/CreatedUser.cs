using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

/// The clear-text token exists only in this result: it is shown once and never stored. Null when none was asked for.
public sealed record CreatedUser(User User, string? Token);
