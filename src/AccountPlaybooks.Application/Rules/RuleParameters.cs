using System.Linq.Expressions;
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

    /// Only these types are visible to expressions (AutoRegisterInputType is off).
    public static ReSettings Settings() => new()
    {
        AutoRegisterInputType = false,
        CustomTypes = [typeof(AccountFacts), typeof(SignalWindow), typeof(ScoreFacts), typeof(SignalFact)],
        EnableScopedParams = false,
        EnableExceptionAsErrorMessage = true,
    };

    public static RuleParameter[] For(AccountFacts account, SignalWindow signals, ScoreFacts score) =>
        [new(Account, account), new(Signals, signals), new(Score, score)];

    /// Names a misspelled member can be compared against, per fact type.
    public static IReadOnlyList<string> MembersOf(Type type) => type
        .GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
        .Where(m => m is System.Reflection.PropertyInfo || (m is System.Reflection.MethodInfo method && !method.IsSpecialName &&
            method.Name is not ("TakeEvidence" or "Equals" or "GetHashCode" or "ToString" or "GetType" or "From")))
        .Select(m => m.Name).Distinct().Order().ToList();
}
