namespace AccountPlaybooks.Application.Scoring;

/// The run a request is answered by: a new queued run, or the one already queued that it joined.
public sealed record EvaluationRequest(Guid RunId, bool Joined);
