namespace AccountPlaybooks.Application.Rules;

/// Documents a member of a fact type for rule authors, and is what makes it usable: the sandbox lets an expression
/// reach only the fact members that carry it, and the rule editor's completion lists exactly those, with this text.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property | AttributeTargets.Method)]
public sealed class RuleDocAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    /// A whole expression using the member; the vocabulary's tests compile every example.
    public string? Example { get; init; }
}
