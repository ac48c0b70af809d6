using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.Application.Users;

public sealed record NewUser(string Email, string Name, UserRole Role, string? Password, string? RepId = null);
