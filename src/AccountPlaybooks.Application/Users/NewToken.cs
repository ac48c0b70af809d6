namespace AccountPlaybooks.Application.Users;

/// An API token to issue: for which user, a name that says what uses it ("CRM sync"), and how long it lives (null: until revoked).
public sealed record NewToken(Guid UserId, string Name, int? ExpiresInDays = null);
