using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// The account's computed scores (parameter name <c>score</c>), available to the Composite, Tiering and
/// Triggers workflows. Each component is 0–100; so is the composite.
[RuleDoc("The computed scores, 0–100; not available in scoring components, which compute them")]
public sealed class ScoreFacts(IReadOnlyDictionary<string, double> components, double composite)
{
    [RuleDoc("The Fit component, 0–100 (0 if there is no such workflow)", Example = "score.Fit >= 60")]
    public double Fit => Component(nameof(Fit));

    [RuleDoc("The Technographic component, 0–100 (0 if there is no such workflow)", Example = "score.Technographic >= 50")]
    public double Technographic => Component(nameof(Technographic));

    [RuleDoc("The Engagement component, 0–100 (0 if there is no such workflow)", Example = "score.Engagement >= 40")]
    public double Engagement => Component(nameof(Engagement));

    [RuleDoc("The Intent component, 0–100 (0 if there is no such workflow)", Example = "score.Intent >= 50")]
    public double Intent => Component(nameof(Intent));

    [RuleDoc("The weighted composite, 0–100 (still 0 inside the Composite workflow)", Example = "score.Composite >= 80")]
    public double Composite { get; } = composite;

    [RuleDoc("Any component by its workflow name, 0 if there is none", Example = "score.Component(\"Product\") >= 40")]
    public double Component(string name) => Components.TryGetValue(name, out var value) ? value : 0;

    [RuleDoc("Every component by workflow name", Example = "score.Components.Count >= 4")]
    public IReadOnlyDictionary<string, double> Components { get; } = components;
}
