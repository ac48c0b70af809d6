namespace AccountPlaybooks.Application.Users;

/// A new API token: <see cref="Token"/> is the clear text, in this answer only; the server keeps its SHA-256.
public sealed record IssuedToken(string Token, TokenView Details);
