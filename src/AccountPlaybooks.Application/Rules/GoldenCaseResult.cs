namespace AccountPlaybooks.Application.Rules;

/// How one golden case did on a ruleset: expected versus actual for each part it checks, and the sentences a failure
/// prints (the same ones publish and the CLI print).
public sealed record GoldenCaseResult(string File, int Index, string Name, bool Passed, GoldenTierCheck Tier,
    IReadOnlyList<GoldenComponentCheck> Components, GoldenCompositeCheck Composite, GoldenTriggerCheck Triggers,
    IReadOnlyList<string> Failures, IReadOnlyList<string> PassedRules, GoldenCaseOrigin? Pinned);

/// Expected is null when the case does not check the tier. ScoreTier is the tier by score alone, before triggers.
public sealed record GoldenTierCheck(string? Expected, string Actual, string ScoreTier, bool Passed);

/// Every component the rules compute; Expected is null for one the case does not check.
public sealed record GoldenComponentCheck(string Component, double? Expected, double Actual, bool Passed);

/// The composite checks a case may make: equal to, at least, below (any may be null).
public sealed record GoldenCompositeCheck(double? Expected, double? AtLeast, double? Below, double Actual, bool Passed);

/// Expected is null when the case does not check triggers; Missing should have fired, Unexpected should not have.
public sealed record GoldenTriggerCheck(IReadOnlyList<string>? Expected, IReadOnlyList<string> Actual, IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected, bool Passed);
