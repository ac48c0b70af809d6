using System.Linq.Expressions;

namespace AccountPlaybooks.Application.Rules;

/// Whether an expression reads a given parameter.
internal sealed class ParameterUse(ParameterExpression parameter) : ExpressionVisitor
{
    private bool _found;

    public static bool Uses(Expression expression, ParameterExpression parameter)
    {
        var visitor = new ParameterUse(parameter);
        visitor.Visit(expression);
        return visitor._found;
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        _found |= node == parameter;
        return node;
    }
}
