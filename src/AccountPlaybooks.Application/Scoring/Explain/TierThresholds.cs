using System.Linq.Expressions;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Scoring.Explain;

/// The score thresholds of the tier rules (`score.Composite &gt;= 80`, `score.Fit &lt; 20`) and how far the account is from
/// each: a comparison of a score read with a constant is a threshold; anything else in a tier rule is not measured.
public static class TierThresholds
{
    public static List<TierThreshold> For(Ruleset rules, AccountFacts account, SignalWindow signals, ScoreFacts score)
    {
        var thresholds = new List<TierThreshold>();
        foreach (var tier in rules.TierRules)
        {
            var finder = new ComparisonFinder();
            finder.Visit(tier.Rule.Body);
            foreach (var (read, op, constant) in finder.Found)
            {
                if (Evaluate(constant, account, signals, score) is not { } c || Evaluate(read, account, signals, score) is not { } v)
                {
                    continue;
                }
                var measure = read is MethodCallExpression { Method.Name: "Component" } call && call.Arguments[0] is ConstantExpression { Value: string name }
                    ? name
                    : read is MemberExpression member ? member.Member.Name : read.ToString();
                var met = op switch
                {
                    ExpressionType.GreaterThanOrEqual => v >= c,
                    ExpressionType.GreaterThan => v > c,
                    ExpressionType.LessThanOrEqual => v <= c,
                    _ => v < c,
                };
                thresholds.Add(new TierThreshold(tier.Tier, tier.Rank, tier.Rule.Name, measure, Symbol(op), c, v, met,
                    Math.Round(c - v, 2), Text(tier.Tier, measure, op, c, v, met)));
            }
        }
        signals.TakeEvidence();
        return thresholds;
    }

    private static string Text(string tier, string measure, ExpressionType op, double c, double v, bool met)
    {
        var gap = RulePhrasing.Show(Math.Abs(c - v));
        var rule = $"{tier} at {measure} {Symbol(op)} {RulePhrasing.Show(c)}";
        var upward = op is ExpressionType.GreaterThanOrEqual or ExpressionType.GreaterThan;
        return (met, upward) switch
        {
            (true, true) => $"{rule}: met, {gap} points above",
            (true, false) => $"{rule}: met, {gap} points below",
            (false, true) => $"{rule}: {gap} points to go",
            (false, false) => $"{rule}: {gap} points above it",
        };
    }

    private static string Symbol(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.LessThanOrEqual => "<=",
        _ => "<",
    };

    private static double? Evaluate(Expression expression, AccountFacts account, SignalWindow signals, ScoreFacts score)
    {
        try
        {
            var lambda = Expression.Lambda<Func<AccountFacts, SignalWindow, ScoreFacts, object?>>(Expression.Convert(expression, typeof(object)), RuleParameters.All);
            return lambda.Compile()(account, signals, score) switch
            {
                int i => i,
                double d => d,
                decimal m => (double)m,
                long l => l,
                float f => f,
                _ => null,
            };
        }
        catch (Exception exception) when (exception is ArithmeticException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// Comparisons of a score read with a constant, the read put on the left.
    private sealed class ComparisonFinder : ExpressionVisitor
    {
        public List<(Expression Read, ExpressionType Op, Expression Constant)> Found { get; } = [];

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.GreaterThanOrEqual or ExpressionType.GreaterThan or ExpressionType.LessThanOrEqual or ExpressionType.LessThan)
            {
                var (left, right) = (Strip(node.Left), Strip(node.Right));
                if (IsScoreRead(left) && IsConstant(right))
                {
                    Found.Add((left, node.NodeType, right));
                    return node;
                }
                if (IsScoreRead(right) && IsConstant(left))
                {
                    Found.Add((right, Mirror(node.NodeType), left));
                    return node;
                }
            }
            return base.VisitBinary(node);
        }

        private static bool IsScoreRead(Expression e) => ParameterUse.Uses(e, RuleParameters.ScoreParameter) &&
                                                        !ParameterUse.Uses(e, RuleParameters.AccountParameter) &&
                                                        !ParameterUse.Uses(e, RuleParameters.SignalsParameter);

        private static bool IsConstant(Expression e) => !RuleParameters.All.Any(p => ParameterUse.Uses(e, p));

        private static Expression Strip(Expression e) => e is UnaryExpression { NodeType: ExpressionType.Convert } u ? Strip(u.Operand) : e;

        private static ExpressionType Mirror(ExpressionType op) => op switch
        {
            ExpressionType.GreaterThan => ExpressionType.LessThan,
            ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
            ExpressionType.LessThan => ExpressionType.GreaterThan,
            _ => ExpressionType.GreaterThanOrEqual,
        };
    }
}

/// One score threshold of a tier rule and the account's distance to it (Distance = threshold − value).
public sealed record TierThreshold(string Tier, int Rank, string Rule, string Measure, string Comparison, double Threshold, double Value,
    bool Met, double Distance, string Text);
