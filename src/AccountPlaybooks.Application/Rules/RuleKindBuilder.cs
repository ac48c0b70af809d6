using System.Text.Json;

namespace AccountPlaybooks.Application.Rules;

/// Reads each compiled rule's Properties for its concern (points, weight, tier, trigger) and checks that the
/// workflows fit together: weights name real components, triggers name real tiers, there is a catch-all tier.
internal sealed class RuleKindBuilder(List<RuleProblem> problems)
{
    public Ruleset? Build(IReadOnlyList<RuleFile> files, List<RuleDefinition> definitions, List<CompiledRule> compiled)
    {
        var componentNames = definitions.Where(d => d.Concern == RuleConcern.Component).Select(d => d.Workflow).Distinct().ToList();
        var components = new List<ComponentRule>();
        var weights = new List<WeightRule>();
        var tiers = new List<TierRule>();
        var triggers = new List<TriggerRule>();
        var segments = new List<SegmentRule>();
        var motions = new List<MotionRule>();
        foreach (var rule in compiled)
        {
            var d = rule.Definition;
            CheckPropertyKeys(d);
            switch (d.Concern)
            {
                case RuleConcern.Component when Number(d, "points", -100, 100) is { } points:
                    components.Add(new ComponentRule(rule, d.Workflow, points, Text(d, "reason", required: false) ?? d.Name));
                    break;
                case RuleConcern.Composite when Text(d, "component") is { } component && Number(d, "weight", 0.001, 1000) is { } weight:
                    if (!componentNames.Contains(component))
                    {
                        Add(d, $"\"component\": \"{component}\" is not a scoring workflow", Suggestions.DidYouMean(component, componentNames, "components"),
                            d.Source?.ReplaceText("Properties/component", component, Suggestions.Closest(component, componentNames)));
                    }
                    weights.Add(new WeightRule(rule, component, weight));
                    break;
                case RuleConcern.Tiering when Text(d, "tier") is { } tier && Number(d, "rank", 1, 100) is { } rank:
                    tiers.Add(new TierRule(rule, tier, (int)rank, Number(d, "cap", 0, 10_000_000, required: false) is { } cap ? (int)cap : null));
                    break;
                case RuleConcern.Triggers when Trigger(d) is { } trigger:
                    triggers.Add(trigger with { Rule = rule });
                    break;
                case RuleConcern.Segments when Name(d, "segment") is { } segment:
                    segments.Add(new SegmentRule(rule, segment, Text(d, "reason", required: false) ?? d.Name));
                    break;
                case RuleConcern.Motions when Name(d, "motion") is { } motion:
                    motions.Add(new MotionRule(rule, motion, Text(d, "reason", required: false) ?? d.Name));
                    break;
            }
        }
        CheckStructure(files, definitions, componentNames, weights, tiers, triggers);
        if (problems.Count > 0)
        {
            return null;
        }
        var hash = RulesetCompiler.HashOf(files);
        return new Ruleset
        {
            Version = hash[..12],
            Hash = hash,
            Files = files,
            ComponentNames = componentNames,
            ComponentRules = components,
            WeightRules = weights,
            TierRules = tiers,
            TriggerRules = triggers,
            SegmentRules = segments,
            MotionRules = motions,
            Engine = new RulesEngine.RulesEngine(RulesetCompiler.Workflows(definitions), RuleParameters.Settings()),
        };
    }

    private void CheckStructure(IReadOnlyList<RuleFile> files, List<RuleDefinition> definitions, List<string> componentNames,
        List<WeightRule> weights, List<TierRule> tiers, List<TriggerRule> triggers)
    {
        var file = files.FirstOrDefault()?.Name ?? "rules/";
        if (componentNames.Count == 0)
        {
            problems.Add(new RuleProblem(file, null, null, "there is no scoring workflow (e.g. Fit with rules that carry \"points\")"));
        }
        if (!definitions.Any(d => d.Concern == RuleConcern.Composite))
        {
            problems.Add(new RuleProblem(file, "Composite", null, "there is no Composite workflow, so every composite would be 0",
                Suggestion: "Add one rule per component with \"Properties\": { \"component\": \"Fit\", \"weight\": 30 }."));
        }
        if (!definitions.Any(d => d.Concern == RuleConcern.Tiering))
        {
            problems.Add(new RuleProblem(file, "Tiering", null, "there is no Tiering workflow: add one whose rules carry \"tier\" and \"rank\""));
        }
        foreach (var missing in componentNames.Where(c => weights.All(w => w.Component != c) && definitions.Any(d => d.Concern == RuleConcern.Composite)))
        {
            var d = definitions.First(d => d.Workflow == missing);
            problems.Add(new RuleProblem(d.File, "Composite", null, $"component {missing} has no weight rule, so it never counts",
                Suggestion: $"Add a rule with \"Properties\": {{ \"component\": \"{missing}\", \"weight\": 25 }}."));
        }
        if (tiers.Count > 0 && tiers[^1].Rule.Definition.Expression.Trim() != "true")
        {
            var last = tiers[^1].Rule.Definition;
            problems.Add(new RuleProblem(last.File, last.Workflow, last.Name, "the last tier rule must be \"true\" so every account gets a tier",
                last.Line));
        }
        foreach (var conflict in tiers.GroupBy(t => t.Tier).Where(g => g.Select(t => t.Rank).Distinct().Count() > 1))
        {
            var d = conflict.Last().Rule.Definition;
            problems.Add(new RuleProblem(d.File, d.Workflow, d.Name, $"tier {conflict.Key} has two different ranks", d.Line));
        }
        var tierNames = tiers.Select(t => t.Tier).Distinct().ToList();
        foreach (var trigger in triggers.Where(t => t.Tier is not null && !tierNames.Contains(t.Tier)))
        {
            var d = trigger.Rule.Definition;
            Add(d, $"\"tier\": \"{trigger.Tier}\" is not a tier of the Tiering workflow", Suggestions.DidYouMean(trigger.Tier!, tierNames, "tiers"),
                d.Source?.ReplaceText("Properties/tier", trigger.Tier!, Suggestions.Closest(trigger.Tier!, tierNames)));
        }
    }

    private static readonly Dictionary<RuleConcern, string[]> PropertyKeys = Enum.GetValues<RuleConcern>()
        .ToDictionary(concern => concern, concern => RuleFileKeys.PropertiesOf(concern).Select(k => k.Name).ToArray());

    /// A misspelled optional key ("holdDay") would silently do nothing, so every key must be known.
    private void CheckPropertyKeys(RuleDefinition d)
    {
        var allowed = PropertyKeys[d.Concern];
        foreach (var key in d.Properties.Keys.Where(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            Add(d, $"unknown Properties key \"{key}\" for a {d.Concern} rule", Suggestions.DidYouMean(key, allowed, "keys"),
                d.Source?.RenameKey($"Properties/{key}", Suggestions.Closest(key, allowed)));
        }
    }

    private TriggerRule? Trigger(RuleDefinition d)
    {
        var action = Text(d, "action");
        if (action is null)
        {
            return null;
        }
        if (!Enum.TryParse<TriggerAction>(action, ignoreCase: true, out var parsed))
        {
            Add(d, $"\"action\": \"{action}\" is not an action", "Valid actions: promote, demote, flag.");
            return null;
        }
        var tier = parsed == TriggerAction.Flag ? Text(d, "tier", required: false) : Text(d, "tier");
        var hold = Number(d, "holdDays", 0, 3650, required: false) ?? 0;
        var reason = Text(d, "reason", required: false) ?? d.Name;
        return parsed != TriggerAction.Flag && tier is null ? null : new TriggerRule(null!, parsed, tier, (int)hold, reason);
    }

    /// A segment or motion name: it appears in filters, playbook triggers and CRM fields, so only plain words.
    private string? Name(RuleDefinition d, string key)
    {
        if (Text(d, key) is not { } name)
        {
            return null;
        }
        if (name.Length > 64 || !char.IsAsciiLetterOrDigit(name[0]) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not (' ' or '&' or '-' or '/')))
        {
            Add(d, $"\"{key}\": \"{name}\" must start with a letter or digit and use only letters, digits, spaces, & - / (up to 64)", null);
            return null;
        }
        return name;
    }

    private double? Number(RuleDefinition d, string key, double min, double max, bool required = true)
    {
        if (!d.Properties.TryGetValue(key, out var value))
        {
            if (required)
            {
                // "pionts" for "points": the fix renames the misspelled key (never a key that is valid itself).
                var misspelled = Suggestions.Closest(key, d.Properties.Keys.Where(k => !PropertyKeys[d.Concern].Contains(k, StringComparer.OrdinalIgnoreCase)).ToList());
                Add(d, $"Properties needs \"{key}\"", Suggestions.DidYouMean(key, d.Properties.Keys.ToList(), "Properties keys here"),
                    misspelled is null ? null : d.Source?.RenameKey($"Properties/{misspelled}", key));
            }
            return null;
        }
        if (value.ValueKind != JsonValueKind.Number || value.GetDouble() < min || value.GetDouble() > max)
        {
            Add(d, $"\"{key}\" must be a number from {min} to {max}, not {value.GetRawText()}", null);
            return null;
        }
        return value.GetDouble();
    }

    private string? Text(RuleDefinition d, string key, bool required = true)
    {
        if (d.Properties.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }
        if (required || d.Properties.ContainsKey(key))
        {
            Add(d, $"Properties needs \"{key}\" as text", null);
        }
        return null;
    }

    /// A problem with a fix sits at the fix's line (the misspelled key or value), otherwise at the rule's.
    private void Add(RuleDefinition d, string message, string? suggestion, RuleFix? fix = null) =>
        problems.Add(new RuleProblem(d.File, d.Workflow, d.Name, message, fix?.Line ?? d.Line, null, suggestion, fix));
}
