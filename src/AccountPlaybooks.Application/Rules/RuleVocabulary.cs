namespace AccountPlaybooks.Application.Rules;

/// What a rule file may say, for the rule editor's completion: the keys the parser accepts at each level, and for
/// expressions the parameters and the members the sandbox lets through, with signatures and docs. Built by reflection
/// from the same lists and attributes validation uses (<see cref="RuleFileKeys"/>, [RuleDoc], <see cref="ExpressionSandbox"/>).
public sealed record RuleVocabulary(
    IReadOnlyList<RuleKey> WorkflowKeys,
    IReadOnlyList<RuleKey> RuleKeys,
    IReadOnlyList<PropertiesKeys> PropertiesKeys,
    IReadOnlyList<ExpressionParameter> Parameters,
    IReadOnlyList<VocabularyType> Types)
{
    private static readonly Lazy<RuleVocabulary> Built = new(RuleVocabularyBuilder.Build);

    /// The vocabulary never changes while the process runs, so it is built once.
    public static RuleVocabulary Current => Built.Value;
}

/// The keys of a rule's Properties in the workflows of one concern; <see cref="WorkflowName"/> is null for scoring
/// components (any workflow name that is not reserved).
public sealed record PropertiesKeys(RuleConcern Concern, string? WorkflowName, IReadOnlyList<RuleKey> Keys);

/// A name an expression starts from (account, signals, score) and the vocabulary type behind it.
public sealed record ExpressionParameter(string Name, string Type, string Description, bool InScoringComponents);

/// A type whose members an expression can reach after a dot; <see cref="Static"/> types (Math) are used by their name.
public sealed record VocabularyType(string Name, string Description, bool Static, IReadOnlyList<VocabularyMember> Members);

/// A field or helper: what it returns (and the vocabulary type of that, to complete after the next dot), every
/// signature of a method, what it means and an example.
public sealed record VocabularyMember(string Name, VocabularyMemberKind Kind, string Returns, string? ReturnsType,
    IReadOnlyList<VocabularySignature> Signatures, string Description, string? Example);

/// One way to call a method: "Count(text type, int days): int" and its parameters.
public sealed record VocabularySignature(string Text, IReadOnlyList<VocabularyArgument> Parameters);

public sealed record VocabularyArgument(string Name, string Type);

public enum VocabularyMemberKind
{
    Property,
    Method,
}
