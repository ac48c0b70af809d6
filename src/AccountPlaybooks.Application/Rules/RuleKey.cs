namespace AccountPlaybooks.Application.Rules;

/// One key of a rule file: its name, what it means, the kind of value, and the values it takes when they are few.
public sealed record RuleKey(string Name, string Description, RuleKeyKind Kind, bool Required = false, IReadOnlyList<string>? Values = null);

public enum RuleKeyKind
{
    Text,
    Number,
    Boolean,
    Array,
    Object,
    Expression,
}
