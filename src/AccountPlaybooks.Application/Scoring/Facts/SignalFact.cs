namespace AccountPlaybooks.Application.Scoring.Facts;

/// A signal as the rules see it: small, immutable, no entity.
public sealed record SignalFact(string Id, string Type, DateTime OccurredAt, IReadOnlyDictionary<string, string> Properties);
