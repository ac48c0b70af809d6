namespace AccountPlaybooks.Application.Scoring;

/// An evaluated chunk: every account's outcome and decision, and what to store for those whose result changed or
/// whose trigger rules fired.
public sealed record ChunkResult(IReadOnlyList<EvaluatedAccount> Accounts, IReadOnlyList<ScoreWrite> Writes)
{
    public static readonly ChunkResult Empty = new([], []);
}
