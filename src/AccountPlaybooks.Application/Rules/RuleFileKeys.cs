namespace AccountPlaybooks.Application.Rules;

/// Every key a rule file may use, with what it means: the parser and the kind builder refuse any other key, and the
/// rule editor completes exactly these, so the two cannot drift apart.
public static class RuleFileKeys
{
    public static readonly IReadOnlyList<RuleKey> Workflow =
    [
        new("WorkflowName", "The workflow's name; it decides what the workflow does: Composite, Segments, Motions, Tiering and Triggers " +
            "are reserved, any other name is a scoring component", RuleKeyKind.Text, Required: true,
            Values: ["Composite", "Segments", "Motions", "Tiering", "Triggers"]),
        new("Rules", "The workflow's rules, evaluated in file order", RuleKeyKind.Array, Required: true),
    ];

    public static readonly IReadOnlyList<RuleKey> Rule =
    [
        new("RuleName", "The rule's name, unique across all files (case-insensitive)", RuleKeyKind.Text, Required: true),
        new("Expression", "The condition, a C#-like expression over account, signals and score that is true or false", RuleKeyKind.Expression,
            Required: true),
        new("Properties", "What a passing rule does: points, weight, tier or trigger, depending on the workflow", RuleKeyKind.Object),
        new("Enabled", "false switches the rule off (its keys are still checked)", RuleKeyKind.Boolean, Values: ["true", "false"]),
        new("ErrorMessage", "Accepted for RulesEngine compatibility; has no effect", RuleKeyKind.Text),
        new("SuccessEvent", "Accepted for RulesEngine compatibility; has no effect", RuleKeyKind.Text),
        new("RuleExpressionType", "Only LambdaExpression (the default) is supported", RuleKeyKind.Text, Values: ["LambdaExpression"]),
    ];

    /// The keys of a rule's Properties, per concern.
    public static IReadOnlyList<RuleKey> PropertiesOf(RuleConcern concern) => concern switch
    {
        RuleConcern.Component =>
        [
            new("points", "Added to the component when the rule passes (−100 to 100; negative allowed)", RuleKeyKind.Number, Required: true),
            new("reason", "Shown in the account's reasons; the rule name if left out", RuleKeyKind.Text),
        ],
        RuleConcern.Composite =>
        [
            new("component", "The scoring workflow this weight is for", RuleKeyKind.Text, Required: true),
            new("weight", "The component's relative weight (0.001 to 1000); counts only when the rule passes", RuleKeyKind.Number, Required: true),
        ],
        RuleConcern.Tiering =>
        [
            new("tier", "The tier's name, used by playbooks and the Studio", RuleKeyKind.Text, Required: true),
            new("rank", "1 is the best tier (1 to 100); one tier has one rank", RuleKeyKind.Number, Required: true),
            new("cap", "Advisory size limit shown by what-if (0 to 10,000,000)", RuleKeyKind.Number),
        ],
        RuleConcern.Segments =>
        [
            new("segment", "The segment a passing rule puts the account in (letters, digits, spaces, & - /; up to 64)", RuleKeyKind.Text, Required: true),
            new("reason", "Why the account is in the segment, shown with it; the rule name if left out", RuleKeyKind.Text),
        ],
        RuleConcern.Motions =>
        [
            new("motion", "The customer motion the first passing rule names (Expand, Defend, Advocate, Maintain…)", RuleKeyKind.Text, Required: true),
            new("reason", "Why the customer is in the motion, shown with it; the rule name if left out", RuleKeyKind.Text),
        ],
        _ =>
        [
            new("action", "promote, demote or flag", RuleKeyKind.Text, Required: true,
                Values: Enum.GetNames<TriggerAction>().Select(a => a.ToLowerInvariant()).ToList()),
            new("tier", "The target tier of a promote or demote (a tier of the Tiering workflow)", RuleKeyKind.Text),
            new("holdDays", "Days a promotion holds the account at or above its tier (0 to 3650)", RuleKeyKind.Number),
            new("reason", "Shown with the move; a flag stores it as the account's review flag", RuleKeyKind.Text),
        ],
    };
}
