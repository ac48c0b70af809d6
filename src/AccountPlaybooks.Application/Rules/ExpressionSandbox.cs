using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace AccountPlaybooks.Application.Rules;

/// Walks a parsed rule expression and allows only what a rule needs: the facts and their helpers, text,
/// numbers, dates, Math and LINQ over collections. RulesEngine 6.0.1 lets System.Object back in, so without
/// this walk `account.GetType().Assembly` would reach reflection. The first forbidden node is reported.
public sealed class ExpressionSandbox : ExpressionVisitor
{
    public const int MaxLength = ExpressionLimits.MaxExpressionLength;

    private static readonly HashSet<Type> AllowedTypes =
    [
        .. RuleParameters.FactTypes,
        typeof(string), typeof(Math), typeof(Enumerable), typeof(DateTime), typeof(TimeSpan),
        typeof(bool), typeof(char), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(float),
    ];

    private static readonly HashSet<Type> AllowedGenericTypes =
    [
        typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(List<>), typeof(ICollection<>),
        typeof(IList<>), typeof(IReadOnlyDictionary<,>), typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(KeyValuePair<,>),
        typeof(Nullable<>), typeof(Func<,>), typeof(Func<,,>),
    ];

    private static readonly HashSet<string> ForbiddenMembers =
    [
        "Enumerable.Range", "Enumerable.Repeat", "DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "Object.GetType",
    ];

    private string? _problem;

    public static string? Check(Expression expression)
    {
        var sandbox = new ExpressionSandbox();
        sandbox.Visit(expression);
        return sandbox._problem;
    }

    public override Expression? Visit(Expression? node)
    {
        if (_problem is not null || node is null)
        {
            return node;
        }
        var visited = base.Visit(node);
        return _problem is null && !IsAllowed(node.Type) && node.NodeType != ExpressionType.Lambda
            ? Deny(node, $"values of type {Name(node.Type)} are not allowed in rules")
            : visited;
    }

    // Children first, so `account.GetType().Assembly` is reported as GetType, the first step out of the sandbox.
    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        Visit(node.Object);
        Visit(node.Arguments);
        return _problem is null && !Allowed(node.Method) ? Deny(node, $"{Name(node.Method)}() is not allowed in rules") : node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        Visit(node.Expression);
        return _problem is null && !Allowed(node.Member) ? Deny(node, $"{Name(node.Member)} is not allowed in rules") : node;
    }

    protected override Expression VisitNew(NewExpression node) => Deny(node, "creating objects (new ...) is not allowed in rules");

    protected override Expression VisitNewArray(NewArrayExpression node) =>
        node.NodeType == ExpressionType.NewArrayBounds ? Deny(node, "creating arrays is not allowed in rules") : base.VisitNewArray(node);

    protected override Expression VisitInvocation(InvocationExpression node) => Deny(node, "invoking delegates is not allowed in rules");

    /// A fact type's member must carry [RuleDoc] (operators aside): the evaluator's own helpers such as
    /// SignalWindow.TakeEvidence stay out of reach, and the editor's vocabulary lists exactly what passes here.
    internal static bool Allowed(MemberInfo member) =>
        !ForbiddenMembers.Contains(Name(member)) && member.DeclaringType is { } type &&
        (RuleParameters.FactTypes.Contains(type)
            ? member.IsDefined(typeof(RuleDocAttribute), inherit: false) || member is MethodInfo { IsSpecialName: true, IsStatic: true }
            : IsAllowed(type) || (type == typeof(object) && member.Name is "ToString" or "Equals"));

    internal static bool IsAllowed(Type type)
    {
        if (type.IsArray)
        {
            return IsAllowed(type.GetElementType()!);
        }
        if (type.IsGenericType)
        {
            return AllowedGenericTypes.Contains(type.GetGenericTypeDefinition()) && type.GetGenericArguments().All(IsAllowed);
        }
        return AllowedTypes.Contains(type) || type == typeof(IEnumerable);
    }

    /// Records the first problem and stops the walk (Visit returns early once a problem is known).
    private Expression Deny(Expression node, string problem)
    {
        _problem ??= problem;
        return node;
    }

    private static string Name(MemberInfo member) => $"{member.DeclaringType?.Name}.{member.Name}";

    private static string Name(Type type) => type.IsGenericType ? type.Name.Split('`')[0] : type.Name;
}
