namespace AccountPlaybooks.Application.Scoring;

public sealed record ChunkResult(IReadOnlyList<EvaluatedAccount> Accounts, int Changed, int TierChanges)
{
    public static readonly ChunkResult Empty = new([], 0, 0);
}
