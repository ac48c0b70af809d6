using System.Text.Json;
using System.Text.RegularExpressions;

namespace AccountPlaybooks.Application.Rules;

/// Reads rule files strictly: plain RulesEngine 6 JSON (an array of workflows), but an unknown or unsupported key
/// is an error, where RulesEngine would silently ignore a typo such as "Enabeld".
public static partial class RulesetParser
{
    private static readonly string[] WorkflowKeys = RuleFileKeys.Workflow.Select(k => k.Name).ToArray();
    private static readonly string[] RuleKeys = RuleFileKeys.Rule.Select(k => k.Name).ToArray();

    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WorkflowsToInject"] = "WorkflowsToInject is not allowed: RulesEngine 6.0.1 changes injected workflows on every call; copy the rules instead",
        ["GlobalParams"] = "GlobalParams are not supported; use the helpers on account, signals and score",
        ["LocalParams"] = "LocalParams are not supported; use the helpers on account, signals and score",
        ["Actions"] = "rule actions are not allowed: rules only decide; points, tiers and triggers go in Properties",
        ["Rules"] = "nested rules are not supported; combine conditions in one Expression with && and ||",
        ["Operator"] = "nested rules are not supported; combine conditions in one Expression with && and ||",
    };

    /// <c>AllFilesRead</c> is false when a file is not even JSON: then cross-file checks would only add noise.
    public static (List<RuleDefinition> Rules, List<RuleProblem> Problems, bool AllFilesRead) Parse(IEnumerable<RuleFile> files)
    {
        var rules = new List<RuleDefinition>();
        var problems = new List<RuleProblem>();
        var allRead = true;
        foreach (var file in files)
        {
            allRead &= ParseFile(file, rules, problems);
        }
        foreach (var duplicate in rules.GroupBy(r => r.Workflow).Where(g => g.Select(r => r.File).Distinct().Count() > 1))
        {
            problems.Add(new RuleProblem(duplicate.Last().File, duplicate.Key, null,
                $"workflow {duplicate.Key} is also defined in {duplicate.First().File}; a workflow lives in one file"));
        }
        foreach (var duplicate in rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = duplicate.First();
            foreach (var again in duplicate.Skip(1))
            {
                problems.Add(new RuleProblem(again.File, again.Workflow, again.Name,
                    $"the rule name {again.Name} is already used in {first.File} (workflow {first.Workflow}); rule names must be unique",
                    again.Line));
            }
        }
        return (rules, problems, allRead);
    }

    private static bool ParseFile(RuleFile file, List<RuleDefinition> rules, List<RuleProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file.Content, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            problems.Add(new RuleProblem(file.Name, null, null,
                $"this is not valid JSON ({exception.Message.Split(". ")[0]})", (int?)exception.LineNumber + 1));
            return false;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new RuleProblem(file.Name, null, null, "a rule file is a JSON array of workflows: [ { \"WorkflowName\": ..., \"Rules\": [...] } ]", 1));
                return false;
            }
            var locations = new JsonLocations(file.Content);
            var index = 0;
            foreach (var workflow in document.RootElement.EnumerateArray())
            {
                ParseWorkflow(file, workflow, new RuleSource(locations, $"/{index++}"), rules, problems);
            }
            return true;
        }
    }

    private static void ParseWorkflow(RuleFile file, JsonElement workflow, RuleSource source, List<RuleDefinition> rules, List<RuleProblem> problems)
    {
        if (workflow.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RuleProblem(file.Name, null, null, "each item of the array must be a workflow object", source.Line));
            return;
        }
        var name = workflow.TryGetProperty("WorkflowName", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()! : null;
        var line = (name is null ? null : source.LineOf("WorkflowName") ?? LineOf(file.Content, "WorkflowName", name)) ?? source.Line;
        CheckKeys(workflow, WorkflowKeys, file, name, null, source, problems);
        if (name is null)
        {
            problems.Add(new RuleProblem(file.Name, null, null, "a workflow has no \"WorkflowName\" (text)", line));
            return;
        }
        if (!workflow.TryGetProperty("Rules", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add(new RuleProblem(file.Name, name, null, "the workflow needs a non-empty \"Rules\" array", line));
            return;
        }
        var concern = ConcernOf(name);
        var index = 0;
        foreach (var rule in list.EnumerateArray())
        {
            if (ParseRule(file, name, concern, rule, source.Child($"Rules/{index++}"), problems) is { } parsed)
            {
                rules.Add(parsed);
            }
        }
    }

    private static RuleDefinition? ParseRule(RuleFile file, string workflow, RuleConcern concern, JsonElement rule, RuleSource source,
        List<RuleProblem> problems)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RuleProblem(file.Name, workflow, null, "each rule must be an object", source.Line));
            return null;
        }
        var name = Text(rule, "RuleName");
        var line = (name is null ? null : source.LineOf("RuleName") ?? LineOf(file.Content, "RuleName", name)) ?? source.Line;
        var before = problems.Count;
        CheckKeys(rule, RuleKeys, file, workflow, name, source, problems);
        if (name is null)
        {
            problems.Add(new RuleProblem(file.Name, workflow, null, "a rule has no \"RuleName\" (text)", line));
            return null;
        }
        var expression = Text(rule, "Expression");
        if (string.IsNullOrWhiteSpace(expression))
        {
            problems.Add(new RuleProblem(file.Name, workflow, name, "the rule has no \"Expression\"", line));
        }
        if (Text(rule, "RuleExpressionType") is { } type && type != "LambdaExpression")
        {
            problems.Add(new RuleProblem(file.Name, workflow, name, $"RuleExpressionType '{type}' is not supported; use LambdaExpression or leave it out", line));
        }
        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (rule.TryGetProperty("Properties", out var props))
        {
            if (props.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RuleProblem(file.Name, workflow, name, "\"Properties\" must be an object", line));
            }
            else
            {
                foreach (var property in props.EnumerateObject())
                {
                    properties[property.Name] = property.Value.Clone();
                }
            }
        }
        var enabled = !rule.TryGetProperty("Enabled", out var enabledElement) || enabledElement.ValueKind != JsonValueKind.False;
        return problems.Count > before || !enabled || expression is null
            ? null
            : new RuleDefinition(file.Name, line ?? 0, workflow, concern, name, expression, properties) { Source = source };
    }

    /// An unknown key is reported at its own line, with a fix when a valid key is close to it.
    private static void CheckKeys(JsonElement element, string[] allowed, RuleFile file, string? workflow, string? rule, RuleSource source,
        List<RuleProblem> problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (allowed.Contains(property.Name))
            {
                continue;
            }
            var line = source.LineOf(property.Name) ?? LineOf(file.Content, property.Name);
            if (Unsupported.TryGetValue(property.Name, out var why))
            {
                problems.Add(new RuleProblem(file.Name, workflow, rule, why, line));
                continue;
            }
            var fix = source.RenameKey(property.Name, Suggestions.Closest(property.Name, allowed));
            problems.Add(new RuleProblem(file.Name, workflow, rule, $"unknown key \"{property.Name}\"", line, null,
                Suggestions.DidYouMean(property.Name, allowed, "keys"), fix));
        }
    }

    public static RuleConcern ConcernOf(string workflow) => workflow switch
    {
        "Composite" => RuleConcern.Composite,
        "Tiering" => RuleConcern.Tiering,
        "Triggers" => RuleConcern.Triggers,
        "Segments" => RuleConcern.Segments,
        "Motions" => RuleConcern.Motions,
        _ => RuleConcern.Component,
    };

    private static string? Text(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// The line of `"key": "value"` (or just `"key"`), so problems can point into the file.
    private static int? LineOf(string content, string key, string? value = null)
    {
        var pattern = value is null
            ? $"\"{Regex.Escape(key)}\"\\s*:"
            : $"\"{Regex.Escape(key)}\"\\s*:\\s*\"{Regex.Escape(value)}\"";
        var match = Regex.Match(content, pattern);
        return match.Success ? content.AsSpan(0, match.Index).Count('\n') + 1 : null;
    }
}
