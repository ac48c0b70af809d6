using System.Linq.Expressions;
using System.Reflection;
using AccountPlaybooks.Application.Scoring.Facts;
using RulesEngine.Models;

namespace AccountPlaybooks.Application.Rules;

/// The three fixed parameter names every rule expression can use, and the types behind them.
public static class RuleParameters
{
    public const string Account = "account";
    public const string Signals = "signals";
    public const string Score = "score";

    public static readonly ParameterExpression AccountParameter = Expression.Parameter(typeof(AccountFacts), Account);
    public static readonly ParameterExpression SignalsParameter = Expression.Parameter(typeof(SignalWindow), Signals);
    public static readonly ParameterExpression ScoreParameter = Expression.Parameter(typeof(ScoreFacts), Score);
    public static readonly ParameterExpression[] All = [AccountParameter, SignalsParameter, ScoreParameter];

    /// The types rules see: the three parameters and a signal. Only their members with a [RuleDoc] are reachable.
    public static readonly IReadOnlyList<Type> FactTypes = [typeof(AccountFacts), typeof(SignalWindow), typeof(ScoreFacts), typeof(SignalFact)];

    /// Only these types are visible to expressions (AutoRegisterInputType is off).
    public static ReSettings Settings() => new()
    {
        AutoRegisterInputType = false,
        CustomTypes = [.. FactTypes],
        EnableScopedParams = false,
        EnableExceptionAsErrorMessage = true,
    };

    public static RuleParameter[] For(AccountFacts account, SignalWindow signals, ScoreFacts score) =>
        [new(Account, account), new(Signals, signals), new(Score, score)];

    /// The members of a fact type that rules may use: those documented with [RuleDoc], which the sandbox checks too.
    public static IReadOnlyList<MemberInfo> UsableMembers(Type type) => type
        .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m is PropertyInfo or MethodInfo && m.IsDefined(typeof(RuleDocAttribute), inherit: false))
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    /// Names a misspelled member can be compared against, per fact type.
    public static IReadOnlyList<string> MembersOf(Type type) => UsableMembers(type).Select(m => m.Name).Distinct().ToList();
}
