namespace AccountPlaybooks.Application.Accounts;

/// The stored score taken apart: each component with the weight it counts with in the composite (null when no
/// weight rule passed for this account), and each reason with the component and points it gave.
public sealed record ScoreBreakdown(IReadOnlyList<ComponentScore> Components, IReadOnlyList<ScoreReason> Reasons);

public sealed record ComponentScore(string Component, double Score, double? Weight);

/// "Pricing page visited twice (+15 Engagement)" as Text "Pricing page visited twice", Points 15, Component "Engagement".
/// A reason in another shape keeps its whole text, without component and points.
public sealed record ScoreReason(string Text, string? Component, double? Points);
