namespace AccountPlaybooks.Application.Rules;

/// One rule's verdict for one account, as RulesEngine computed it, with the values its expression read and the ids
/// of the signals those reads counted.
public sealed record RuleExplanation(string Workflow, string Rule, string Expression, bool Passed,
    IReadOnlyDictionary<string, object> Properties, IReadOnlyDictionary<string, string> Values, string? Error,
    IReadOnlyList<string> EvidenceSignalIds);
