namespace AccountPlaybooks.Application.Users;

/// Who asks for a change to users or tokens: the guards need the id (nobody demotes or disables themselves), the logs the name.
public sealed record Actor(Guid Id, string Name);
