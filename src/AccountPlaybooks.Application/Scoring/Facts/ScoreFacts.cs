namespace AccountPlaybooks.Application.Scoring.Facts;

/// The account's computed scores (parameter name <c>score</c>), available to the Composite, Tiering and
/// Triggers workflows. Each component is 0–100; so is the composite.
public sealed class ScoreFacts(IReadOnlyDictionary<string, double> components, double composite)
{
    public double Fit => Component(nameof(Fit));
    public double Technographic => Component(nameof(Technographic));
    public double Engagement => Component(nameof(Engagement));
    public double Intent => Component(nameof(Intent));
    public double Composite { get; } = composite;

    /// Any component by its workflow name, 0 if there is none.
    public double Component(string name) => Components.TryGetValue(name, out var value) ? value : 0;

    public IReadOnlyDictionary<string, double> Components { get; } = components;
}
