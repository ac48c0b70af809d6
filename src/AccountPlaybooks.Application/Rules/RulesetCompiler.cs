using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace AccountPlaybooks.Application.Rules;

/// Files → a validated <see cref="Ruleset"/>, or every problem found, each naming file, workflow, rule and what to do.
public static class RulesetCompiler
{
    public static (Ruleset? Ruleset, List<RuleProblem> Problems) Compile(IReadOnlyList<RuleFile> files)
    {
        var (definitions, problems, allFilesRead) = RulesetParser.Parse(files);
        var parser = new RuleExpressionParser(RuleParameters.Settings());
        var compiled = new List<CompiledRule>();
        foreach (var definition in definitions)
        {
            if (CompileRule(parser, definition, problems) is { } rule)
            {
                compiled.Add(rule);
            }
        }
        if (!allFilesRead)
        {
            return (null, problems);
        }
        var builder = new RuleKindBuilder(problems);
        var ruleset = builder.Build(files, definitions, compiled);
        if (problems.Count > 0 || ruleset is null)
        {
            return (null, problems);
        }
        return (ruleset, problems);
    }

    public static string HashOf(IEnumerable<RuleFile> files)
    {
        var text = string.Join("\0", files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.Name + "\0" + f.Content.ReplaceLineEndings("\n")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static CompiledRule? CompileRule(RuleExpressionParser parser, RuleDefinition definition, List<RuleProblem> problems)
    {
        var (compiled, problem) = RuleExpressions.Compile(parser, definition.Expression, allowScore: definition.Concern != RuleConcern.Component,
            allowSegments: definition.Concern is RuleConcern.Motions or RuleConcern.Tiering or RuleConcern.Triggers);
        if (problem is not null)
        {
            // At the Expression's own line (a rule may span lines), with the misspelled name's fix placed in the file.
            var fix = problem.Fix is { } replace ? definition.Source?.ReplaceInExpression(replace.Position, replace.Name, replace.With) : null;
            problems.Add(new RuleProblem(definition.File, definition.Workflow, definition.Name, problem.Message,
                definition.Source?.ExpressionLine ?? definition.Line, problem.Position, problem.Suggestion, fix));
            return null;
        }
        return new CompiledRule(definition, compiled!.Body, compiled.Evaluate);
    }

    internal static Workflow[] Workflows(IEnumerable<RuleDefinition> definitions) => definitions
        .GroupBy(d => d.Workflow)
        .Select(g => new Workflow
        {
            WorkflowName = g.Key,
            Rules = g.Select(d => new Rule
            {
                RuleName = d.Name,
                Expression = d.Expression,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Properties = d.Properties.ToDictionary(p => p.Key, p => (object)Plain(p.Value)),
            }).ToList(),
        })
        .ToArray();

    private static object Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };
}
