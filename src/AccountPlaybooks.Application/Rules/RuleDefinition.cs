using System.Text.Json;

namespace AccountPlaybooks.Application.Rules;

/// One rule as written in a file, checked for shape but not yet compiled.
public sealed record RuleDefinition(string File, int Line, string Workflow, RuleConcern Concern, string Name,
    string Expression, IReadOnlyDictionary<string, JsonElement> Properties)
{
    /// Where the rule is in its file, for problems at the line of a key and fixes; null for rules not read from a file.
    internal RuleSource? Source { get; init; }
}
