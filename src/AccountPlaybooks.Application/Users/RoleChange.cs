using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

/// A user's new role, and (for reps and managers) the rep record they work as; a missing repId keeps the current link.
public sealed record RoleChange(UserRole Role, string? RepId = null);
