using System.ComponentModel;

namespace AccountPlaybooks.Application.Outreach;

/// Everything a task template may read, as plain records (never entities). Scriban sees the members in snake_case:
/// `account.annual_revenue`, `step.sla_due_at`. Signal, owner and playbook may be missing: templates test them first.
public sealed record TaskTemplateModel(
    [property: Description("The account the task is about: firmographics, tier, score, components and reasons")] TemplateAccount Account,
    [property: Description("The signal that made the playbook create the task; missing for a task from a tier change: {{ if signal }}…{{ end }}")]
    TemplateSignal? Signal,
    [property: Description("The rep the task is for (the account's AE, else its SDR); missing when the account has no owner")] TemplateOwner? Owner,
    [property: Description("The playbook step that creates the task")] TemplateStep Step,
    [property: Description("The playbook version the task comes from; missing in previews")] TemplatePlaybook? Playbook,
    [property: Description("When the task is rendered (UTC); use it rather than date.now")] DateTime Now)
{
    private static readonly DateTime SampleNow = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    /// Every field filled in: validation renders each template against it (a fresh copy each time).
    public static TaskTemplateModel Sample => new(
        new TemplateAccount("crm-00042", "Northwind Analytics", "northwind-analytics.com", "Fintech", 420, 38_500_000m, "DE", "EMEA",
            "Mid-Market SaaS", "Series B", ["Salesforce", "Snowflake", "HubSpot"], "Prospect", "Tier1", 82.5,
            new Dictionary<string, double> { ["Fit"] = 85, ["Technographic"] = 70, ["Engagement"] = 60, ["Intent"] = 95 },
            ["Series B in the last 30 days (+40 Intent)", "Visited pricing twice in 14 days (+30 Engagement)", "Uses Snowflake (+20 Technographic)"],
            new Dictionary<string, string> { ["crm_stage"] = "Discovery", ["partner"] = "none", ["renewal_date"] = "2027-03-31", ["arr"] = "120000" },
            ["Mid-Market", "Modern Data Stack"], "Expand"),
        new TemplateSignal("funding_round", SampleNow.AddHours(-6), "crunchbase",
            new Dictionary<string, string> { ["round"] = "Series B", ["amount"] = "25000000" }),
        new TemplateOwner("Ravi Patel", "ravi@example.com", "AE", "EMEA Enterprise", "Europe/Berlin"),
        new TemplateStep("research-brief", "email", SampleNow.AddDays(1), SampleNow.AddHours(24)),
        new TemplatePlaybook("tier1", "Tier 1: signal-led outreach", 3),
        SampleNow);

    /// Every field that can be missing is missing: validation renders each template against this too, so a template
    /// that reads signal.type without testing signal first is rejected before a real account without a signal finds it.
    public static TaskTemplateModel Minimal => new(
        new TemplateAccount("crm-00043", "Fabrikam", null, null, null, null, null, null, null, null, [], "Prospect", null, null,
            [], [], [], [], null),
        null,
        null,
        new TemplateStep("nurture-1", "email", SampleNow.AddDays(1), null),
        null,
        SampleNow);
}
