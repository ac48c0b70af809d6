namespace AccountPlaybooks.Application.Scoring;

/// An evaluated chunk: every account's outcome and decision, and what to store for those whose result changed or
/// whose trigger rules fired.
public sealed record ChunkResult(IReadOnlyList<EvaluatedAccount> Accounts, IReadOnlyList<ScoreWrite> Writes)
{
    /// Review mode: tier proposals this chunk created, updated or withdrawn (docs/adr/0037).
    public IReadOnlyList<Domain.Scoring.TierProposal> Proposals { get; init; } = [];

    /// Nothing to store.
    public bool IsEmpty => Writes.Count == 0 && Proposals.Count == 0;

    public static readonly ChunkResult Empty = new([], []);
}
