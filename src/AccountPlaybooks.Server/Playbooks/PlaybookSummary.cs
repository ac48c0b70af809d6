using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Server.Playbooks;

/// A row of the playbook list. Status is Published, Retracted or Draft (never published); LatestDraft is set when a
/// draft newer than the published version waits; PublishedBy and PublishedAt say who made the live version live, and when.
/// Triggers are in words, as a manager says them: "enters Tier1", "signal page_visit page=/pricing* in Tier1–Tier2".
public sealed record PlaybookSummary(string Id, string Name, int? PublishedVersion, string Status, int? LatestDraft,
    IReadOnlyList<string> Triggers, int Running, string? PublishedBy, DateTime? PublishedAt)
{
    public static string Describe(TriggerDefinition trigger) => trigger.Type switch
    {
        "tierEntered" => $"enters {trigger.Tier}",
        "signal" => $"signal {string.Join(" or ", trigger.SignalTypes)}"
            + (trigger.Filter.Count == 0 ? "" : $" {string.Join(", ", trigger.Filter.Select(f => $"{f.Key}={f.Value}"))}")
            + (trigger.Tiers.Count == 0 ? "" : $" in {string.Join(", ", trigger.Tiers)}"),
        "triggerRule" => $"trigger rule {trigger.Rule} fires",
        "segmentEntered" => $"enters segment {trigger.Segment}",
        "segmentLeft" => $"leaves segment {trigger.Segment}",
        "motionEntered" => $"enters motion {trigger.Motion}",
        "dateApproaching" => $"{trigger.DaysBefore} days before {trigger.Field}" + (trigger.Tiers.Count == 0 ? "" : $" in {string.Join(", ", trigger.Tiers)}"),
        _ => trigger.Type,
    };
}
