namespace AccountPlaybooks.Application.Rules;

/// What one expression (a rule, a playbook Decision, a signal filter) may cost, in one place. Checked before an
/// expression is accepted (<see cref="ExpressionCost"/>), so the editor, publish, the folder watchers, the CLI and
/// playbook validation refuse the same things with the same words. docs/rules.md §11 and ADR 0022 explain each number.
public static class ExpressionLimits
{
    /// Characters in one expression or signal filter.
    public const int MaxExpressionLength = 1000;

    /// How deep lambdas and other loops over collections may nest. Two lets a rule compare signals pairwise ("a reply
    /// after a visit"); work grows with (signals in the window)^depth, and a third level turns thousands of signals into
    /// billions of steps per account.
    public const int MaxLoopDepth = 2;

    /// The largest size an expression may ask for: a PadLeft/PadRight width, a capacity or chunk size, a number
    /// format's precision, and the text it builds from constants. Size arguments must be written as constants.
    public const int MaxSize = 10_000;

    /// How many times longer than the data it is made from a text may become (Replace with a longer replacement
    /// multiplies, joining adds its separator and padding per item).
    public const int MaxTextGrowth = 100;
}
