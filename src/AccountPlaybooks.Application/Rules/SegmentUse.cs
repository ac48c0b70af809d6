using System.Linq.Expressions;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// Whether an expression reads the account's segments (account.Segments or account.InSegment).
internal sealed class SegmentUse : ExpressionVisitor
{
    private bool _found;

    public static bool Uses(Expression expression)
    {
        var visitor = new SegmentUse();
        visitor.Visit(expression);
        return visitor._found;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        _found |= node.Member.DeclaringType == typeof(AccountFacts) && node.Member.Name == nameof(AccountFacts.Segments);
        return base.VisitMember(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        _found |= node.Method.DeclaringType == typeof(AccountFacts) && node.Method.Name == nameof(AccountFacts.InSegment);
        return base.VisitMethodCall(node);
    }
}
