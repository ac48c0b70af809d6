using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Application.Scoring.Facts;

/// A signal as the rules see it: small, immutable, no entity.
[RuleDoc("One signal: what happened to the account, when, with its properties")]
public sealed record SignalFact(
    [property: RuleDoc("The signal's id (unique per source)", Example = "signals.All.Any(s => s.Id == \"evt-1\")")] string Id,
    [property: RuleDoc("The signal type, lower-case with _ (page_visit)", Example = "signals.All.Any(s => s.Type == \"champion_joined\")")] string Type,
    [property: RuleDoc("When it happened", Example = "signals.All.Any(s => s.OccurredAt > signals.Now.AddDays(-7))")] DateTime OccurredAt,
    [property: RuleDoc("Its properties, name → text; guard lookups with ContainsKey", Example = "signals.All.Any(s => s.Properties.ContainsKey(\"page\") && s.Properties[\"page\"] == \"/pricing\")")]
    IReadOnlyDictionary<string, string> Properties);
