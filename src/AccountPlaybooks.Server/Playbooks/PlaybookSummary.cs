using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Server.Playbooks;

/// A row of the playbook list. Status is Published, Retracted or Draft (never published); LatestDraft is set when a
/// draft newer than the published version waits.
public sealed record PlaybookSummary(string Id, string Name, int? PublishedVersion, string Status, int? LatestDraft,
    IReadOnlyList<string> Triggers, int Running)
{
    public static string Describe(TriggerDefinition trigger) => trigger.Type switch
    {
        "tierEntered" => $"tier entered {trigger.Tier}",
        "signal" => $"signal {string.Join(" or ", trigger.SignalTypes)}"
            + (trigger.Filter.Count == 0 ? "" : $" where {string.Join(", ", trigger.Filter.Select(f => $"{f.Key}={f.Value}"))}")
            + (trigger.Tiers.Count == 0 ? "" : $" in {string.Join(", ", trigger.Tiers)}"),
        "triggerRule" => $"trigger rule {trigger.Rule}",
        _ => trigger.Type,
    };
}
