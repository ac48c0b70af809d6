using System.Globalization;
using System.Linq.Expressions;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// Explains an account's evaluation rule by rule through RulesEngine itself (ExecuteAllRulesAsync), and shows
/// the intermediate values each expression used: `signals.CountWhere("page_visit", 14, "page", "/pricing") = 3`.
public static class RuleExplainer
{
    public static async Task<List<RuleExplanation>> ExplainAsync(Ruleset rules, AccountFacts account, SignalWindow signals, RuleOutcome outcome)
    {
        var zero = new ScoreFacts(rules.ComponentNames.ToDictionary(n => n, _ => 0.0), 0);
        var full = new ScoreFacts(outcome.Components, outcome.Composite);
        var byName = rules.AllRules.ToDictionary(r => r.Name);
        var explanations = new List<RuleExplanation>();
        foreach (var workflow in byName.Values.Select(r => r.Definition).Select(d => (d.Workflow, d.Concern)).Distinct())
        {
            var score = workflow.Concern == RuleConcern.Component ? zero : full;
            var results = await rules.Engine.ExecuteAllRulesAsync(workflow.Workflow, RuleParameters.For(account, signals, score));
            foreach (var result in results)
            {
                var rule = byName[result.Rule.RuleName];
                var (values, evidence) = Read(rule.Body, account, signals, score);
                explanations.Add(new RuleExplanation(workflow.Workflow, rule.Name, rule.Definition.Expression, result.IsSuccess,
                    result.Rule.Properties ?? new Dictionary<string, object>(), values,
                    string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage, evidence));
            }
        }
        return explanations;
    }

    /// The outermost reads of account, signals and score in an expression, each evaluated on its own.
    public static Dictionary<string, string> Values(Expression body, AccountFacts account, SignalWindow signals, ScoreFacts score) =>
        Read(body, account, signals, score).Values;

    /// <see cref="Values"/>, and the ids of the signals those reads counted (the rule's evidence).
    public static (Dictionary<string, string> Values, IReadOnlyList<string> Evidence) Read(Expression body, AccountFacts account,
        SignalWindow signals, ScoreFacts score)
    {
        signals.TakeEvidence(); // what earlier evaluations counted is not this rule's evidence
        var reads = new ReadCollector();
        reads.Visit(body);
        var values = new Dictionary<string, string>();
        foreach (var read in reads.Found)
        {
            var lambda = Expression.Lambda<Func<AccountFacts, SignalWindow, ScoreFacts, object?>>(
                Expression.Convert(read, typeof(object)), RuleParameters.All);
            object? value;
            try
            {
                value = lambda.Compile()(account, signals, score);
            }
            catch (Exception exception) when (exception is ArithmeticException or InvalidOperationException or ArgumentException)
            {
                value = $"error: {exception.Message}";
            }
            values.TryAdd(read.ToString(), Format(value));
        }
        return (values, signals.TakeEvidence());
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double number => number.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object>()) + "]",
        _ => value.ToString() ?? "",
    };

    private sealed class ReadCollector : ExpressionVisitor
    {
        public List<Expression> Found { get; } = [];

        protected override Expression VisitLambda<T>(Expression<T> node) => node; // reads inside lambdas depend on their parameter

        protected override Expression VisitMember(MemberExpression node) => Collect(node, () => base.VisitMember(node));

        protected override Expression VisitMethodCall(MethodCallExpression node) => Collect(node, () => base.VisitMethodCall(node));

        private Expression Collect(Expression node, Func<Expression> visitChildren)
        {
            if (RootIsFact(node))
            {
                Found.Add(node);
                return node;
            }
            return visitChildren();
        }

        private static bool RootIsFact(Expression node)
        {
            var current = node;
            while (true)
            {
                switch (current)
                {
                    case MemberExpression member when member.Expression is not null:
                        current = member.Expression;
                        continue;
                    case MethodCallExpression call when call.Object is not null:
                        current = call.Object;
                        continue;
                    case ParameterExpression parameter:
                        return RuleParameters.All.Contains(parameter);
                    default:
                        return false;
                }
            }
        }
    }
}
