using System.Globalization;
using System.Linq.Expressions;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Scoring.Explain;

/// What it would take for a rule to pass (or to fail), in the words people use, when its expression has a shape that
/// can be read: `signals.Count("email_reply", 30) >= 2` read as 1 → "one more email_reply in 30 days". Null when it
/// has not (the caller names the rule instead). Effort orders the answers: each signal to gain or lose counts one;
/// the account's own facts (industry, size, stack) and scores cost more, since working the account does not change them.
public sealed class RulePhrasing(AccountFacts account, SignalWindow signals, ScoreFacts score)
{
    private const double FactEffort = 5;
    private const double ScoreEffort = 3;
    private const double ListEffort = 8;

    private static readonly ExpressionType[] Comparisons =
    [
        ExpressionType.GreaterThanOrEqual, ExpressionType.GreaterThan, ExpressionType.LessThanOrEqual, ExpressionType.LessThan,
        ExpressionType.Equal, ExpressionType.NotEqual,
    ];

    public RulePhrase? Phrase(Expression body, bool toPass)
    {
        var phrase = Condition(Strip(body), toPass);
        signals.TakeEvidence(); // reading values here is not evidence of anything
        return phrase;
    }

    private RulePhrase? Condition(Expression node, bool toPass) => node switch
    {
        BinaryExpression { NodeType: ExpressionType.AndAlso } and => toPass ? Every(and, true) : Cheapest(and, false),
        BinaryExpression { NodeType: ExpressionType.OrElse } or => toPass ? Cheapest(or, true) : Every(or, false),
        UnaryExpression { NodeType: ExpressionType.Not } not => Condition(Strip(not.Operand), !toPass),
        BinaryExpression comparison when Comparisons.Contains(comparison.NodeType) => Comparison(comparison, toPass),
        MethodCallExpression call when call.Type == typeof(bool) => Membership(call, toPass),
        _ => null,
    };

    /// Every part that is not yet as wanted must change (all of an "and" to pass, all of an "or" to fail).
    private RulePhrase? Every(BinaryExpression node, bool toPass)
    {
        var phrases = new List<RulePhrase>();
        foreach (var part in Parts(node, node.NodeType).Where(p => Truth(p) != toPass))
        {
            if (Condition(part, toPass) is not { } phrase)
            {
                return null;
            }
            phrases.Add(phrase);
        }
        return phrases.Count == 0 ? null : new RulePhrase(string.Join(" and ", phrases.Select(p => p.Text)), phrases.Sum(p => p.Effort));
    }

    /// One part changing is enough (an "and" to fail, an "or" to pass): the one that takes the least.
    private RulePhrase? Cheapest(BinaryExpression node, bool toPass) => Parts(node, node.NodeType)
        .Where(p => Truth(p) != toPass)
        .Select(p => Condition(p, toPass))
        .OfType<RulePhrase>()
        .MinBy(p => p.Effort);

    private RulePhrase? Comparison(BinaryExpression node, bool toPass)
    {
        var (left, right, op) = (Strip(node.Left), Strip(node.Right), node.NodeType);
        Expression read, constant;
        if (IsConstant(right) && !IsConstant(left))
        {
            (read, constant) = (left, right);
        }
        else if (IsConstant(left) && !IsConstant(right))
        {
            (read, constant, op) = (right, left, Mirror(op));
        }
        else
        {
            return null;
        }
        if (!toPass)
        {
            op = Negate(op);
        }
        var (target, now) = (Value(constant), Value(read));
        if (target is string || now is string)
        {
            return Text(read, op, target?.ToString() ?? "", now?.ToString() ?? "");
        }
        if (Number(target) is not { } c || Number(now) is not { } v || MeasureOf(read) is not { } measure)
        {
            return null;
        }
        return measure.Kind switch
        {
            MeasureKind.Count => Count(measure, op, c, v),
            MeasureKind.Decayed => Decayed(measure, op, c, v),
            MeasureKind.DaysSince => DaysSince(measure, op, c, v),
            _ => Amount(measure, op, c, v),
        };
    }

    private static RulePhrase? Count(Measure measure, ExpressionType op, double c, double v)
    {
        var extra = measure.Fact ? FactEffort : 0;
        switch (op)
        {
            case ExpressionType.GreaterThanOrEqual or ExpressionType.GreaterThan:
                var needed = (op == ExpressionType.GreaterThan ? Math.Floor(c) + 1 : Math.Ceiling(c)) - v;
                return needed <= 0 ? null : new RulePhrase($"{Words(needed)} more {(needed == 1 ? measure.Noun : measure.Plural)}", needed + extra);
            case ExpressionType.LessThanOrEqual or ExpressionType.LessThan:
                var most = op == ExpressionType.LessThan ? Math.Ceiling(c) - 1 : Math.Floor(c);
                return v <= most ? null : new RulePhrase(
                    most <= 0 ? $"no {measure.Plural} (now {Show(v)})" : $"at most {Show(most)} {measure.Plural} (now {Show(v)})", v - Math.Max(most, 0) + extra);
            default:
                return null;
        }
    }

    private static RulePhrase? Decayed(Measure measure, ExpressionType op, double c, double v) => op switch
    {
        ExpressionType.GreaterThanOrEqual or ExpressionType.GreaterThan when v < c || (op == ExpressionType.GreaterThan && v <= c) =>
            new RulePhrase($"{Words(Math.Max(1, Math.Ceiling(c - v)))} more recent {measure.Noun} (fading count {Show(v)}, needs {Show(c)})",
                Math.Max(1, Math.Ceiling(c - v))),
        ExpressionType.LessThanOrEqual or ExpressionType.LessThan =>
            new RulePhrase($"{measure.Noun} fading below {Show(c)} (fading count {Show(v)} now)", 1 + v - c),
        _ => null,
    };

    private static RulePhrase? DaysSince(Measure measure, ExpressionType op, double c, double v)
    {
        var last = v >= SignalWindow.Never ? "none yet" : v < 1 ? "last one today" : v < 2 ? "last one yesterday" : $"last one {Math.Round(v)} days ago";
        return op switch
        {
            ExpressionType.GreaterThanOrEqual or ExpressionType.GreaterThan =>
                new RulePhrase($"no {measure.Noun} for over {Show(c)} days ({last})", 1 + Math.Max(0, c - v) / 30),
            ExpressionType.LessThanOrEqual or ExpressionType.LessThan => new RulePhrase($"a new {measure.Noun} ({last})", 1),
            _ => null,
        };
    }

    private static RulePhrase Amount(Measure measure, ExpressionType op, double c, double v)
    {
        var words = op switch
        {
            ExpressionType.GreaterThanOrEqual => $"{Show(c)} or more",
            ExpressionType.GreaterThan => $"over {Show(c)}",
            ExpressionType.LessThanOrEqual => $"{Show(c)} or less",
            ExpressionType.LessThan => $"under {Show(c)}",
            ExpressionType.Equal => Show(c),
            _ => $"other than {Show(c)}",
        };
        var distance = Math.Min(1, Math.Abs(c - v) / Math.Max(Math.Abs(c), 1));
        return new RulePhrase($"{measure.Noun} {words} (now {Show(v)})", (measure.Fact ? FactEffort : ScoreEffort) + distance);
    }

    private RulePhrase? Text(Expression read, ExpressionType op, string target, string now)
    {
        if (Strip(read) is not MemberExpression member || member.Expression != RuleParameters.AccountParameter ||
            op is not (ExpressionType.Equal or ExpressionType.NotEqual))
        {
            return null;
        }
        var label = Label(member.Member.Name);
        var shown = now.Length == 0 ? "none" : now;
        return new RulePhrase(op == ExpressionType.Equal ? $"{label} {target} (now {shown})" : $"{label} other than {target} (now {shown})", ListEffort);
    }

    /// account.IndustryIn("A,B"), account.UsesAny("A,B"), account.Uses("A"): the account's facts against a list.
    private RulePhrase? Membership(MethodCallExpression call, bool toPass)
    {
        if (call.Object != RuleParameters.AccountParameter || call.Arguments.Count != 1 || Value(call.Arguments[0]) is not string list)
        {
            return null;
        }
        var items = Items(list);
        var text = call.Method.Name switch
        {
            "Uses" or "UsesAny" => toPass ? $"{Or(items)} in the stack" : $"none of {Or(items)} in the stack",
            "IndustryIn" or "CountryIn" or "RegionIn" or "FundingStageIn" => Listed(call.Method.Name[..^2], items, toPass),
            _ => null,
        };
        return text is null ? null : new RulePhrase(text, ListEffort);
    }

    private string Listed(string member, string[] items, bool toPass)
    {
        var now = typeof(AccountFacts).GetProperty(member)?.GetValue(account) as string;
        var shown = string.IsNullOrEmpty(now) ? "none" : now;
        return toPass ? $"{Label(member)} {Or(items)} (now {shown})" : $"{Label(member)} other than {Or(items)} (now {shown})";
    }

    /// What a numeric read measures, and how to say "more of it".
    private Measure? MeasureOf(Expression read)
    {
        read = Strip(read);
        if (read is BinaryExpression { NodeType: ExpressionType.Add } sum && MeasureOf(sum.Left) is { Kind: MeasureKind.Count } l &&
            MeasureOf(sum.Right) is { Kind: MeasureKind.Count } r)
        {
            return Combine(l, r);
        }
        if (read is MethodCallExpression call && call.Object == RuleParameters.SignalsParameter)
        {
            var args = call.Arguments.Select(a => Value(a)?.ToString() ?? "").ToArray();
            return (call.Method.Name, args.Length) switch
            {
                ("Count", 2) => Signals(new SignalCount(args[0], args[1], null, null)),
                ("CountWhere", 4) => Signals(new SignalCount(args[0], args[1], args[2], args[3])),
                ("CountAll", 1) => new Measure(MeasureKind.Count, $"signal in {args[0]} days", $"signals in {args[0]} days", false, []),
                ("DistinctValues", 3) => new Measure(MeasureKind.Count, $"different {args[2]} on {args[0]} in {args[1]} days",
                    $"different {args[2]}s on {args[0]} in {args[1]} days", false, []),
                ("DistinctContacts", 1) => new Measure(MeasureKind.Count, $"person engaged in {args[0]} days", $"people engaged in {args[0]} days", false, []),
                ("Decayed", 2) => new Measure(MeasureKind.Decayed, args[0], args[0], false, []),
                ("DaysSince", 1) => new Measure(MeasureKind.DaysSince, args[0], args[0], false, []),
                ("DaysSinceAnyOf", 1) => new Measure(MeasureKind.DaysSince, Or(Items(args[0])), Or(Items(args[0])), false, []),
                _ => null,
            };
        }
        if (read is MethodCallExpression { Method.Name: "UsesCount" } uses && uses.Object == RuleParameters.AccountParameter &&
            Value(uses.Arguments[0]) is string tools)
        {
            var noun = $"of {Or(Items(tools))} in the stack";
            return new Measure(MeasureKind.Count, noun, noun, true, []);
        }
        if (read is MemberExpression member && member.Expression == RuleParameters.AccountParameter)
        {
            return new Measure(MeasureKind.Amount, Label(member.Member.Name), Label(member.Member.Name), true, []);
        }
        if (read is MemberExpression scoreMember && scoreMember.Expression == RuleParameters.ScoreParameter)
        {
            return new Measure(MeasureKind.Amount, scoreMember.Member.Name, scoreMember.Member.Name, false, []);
        }
        if (read is MethodCallExpression { Method.Name: "Component" } component && component.Object == RuleParameters.ScoreParameter &&
            Value(component.Arguments[0]) is string name)
        {
            return new Measure(MeasureKind.Amount, name, name, false, []);
        }
        return null;
    }

    private static Measure Signals(SignalCount count)
    {
        var noun = count.Property is null
            ? $"{count.Type} in {count.Days} days"
            : $"{count.Type} with {count.Property} {count.Value} in {count.Days} days";
        return new Measure(MeasureKind.Count, noun, noun, false, [count]);
    }

    /// "a + b >= 1" over signal counts: one noun for both ("webinar_attended or content_download in 60 days").
    private static Measure Combine(Measure left, Measure right)
    {
        var parts = left.Parts.Concat(right.Parts).ToList();
        if (left.Parts.Count == 0 || right.Parts.Count == 0 || parts.Select(p => p.Days).Distinct().Count() > 1)
        {
            return new Measure(MeasureKind.Count, $"{left.Noun} or {right.Noun}", $"{left.Plural} or {right.Plural}", left.Fact || right.Fact, []);
        }
        var days = parts[0].Days;
        string noun;
        if (parts.All(p => p.Property is null))
        {
            noun = $"{Or(parts.Select(p => p.Type).Distinct().ToArray())} in {days} days";
        }
        else if (parts.All(p => p.Type == parts[0].Type && p.Property is not null && p.Property == parts[0].Property))
        {
            noun = $"{parts[0].Type} with {parts[0].Property} {Or(parts.Select(p => p.Value!).Distinct().ToArray())} in {days} days";
        }
        else
        {
            noun = $"{left.Noun} or {right.Noun}";
        }
        return new Measure(MeasureKind.Count, noun, noun, false, parts);
    }

    private bool Truth(Expression condition) => Value(condition) is true;

    /// A read or a constant, evaluated on this account (an error reads as null).
    private object? Value(Expression expression)
    {
        if (Strip(expression) is ConstantExpression constant)
        {
            return constant.Value;
        }
        try
        {
            var lambda = Expression.Lambda<Func<AccountFacts, SignalWindow, ScoreFacts, object?>>(Expression.Convert(expression, typeof(object)), RuleParameters.All);
            return lambda.Compile()(account, signals, score);
        }
        catch (Exception exception) when (exception is ArithmeticException or InvalidOperationException or ArgumentException
                                              or NullReferenceException or FormatException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static bool IsConstant(Expression expression) => !RuleParameters.All.Any(p => ParameterUse.Uses(expression, p));

    private static IEnumerable<Expression> Parts(Expression node, ExpressionType type) =>
        Strip(node) is BinaryExpression binary && binary.NodeType == type
            ? Parts(binary.Left, type).Concat(Parts(binary.Right, type))
            : [Strip(node)];

    private static Expression Strip(Expression expression)
    {
        while (expression is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.Quote } unary)
        {
            expression = unary.Operand;
        }
        return expression;
    }

    private static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        decimal m => (double)m,
        short s => s,
        _ => null,
    };

    private static ExpressionType Mirror(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThan,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThanOrEqual,
        ExpressionType.LessThan => ExpressionType.GreaterThan,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThanOrEqual,
        _ => op,
    };

    private static ExpressionType Negate(ExpressionType op) => op switch
    {
        ExpressionType.GreaterThan => ExpressionType.LessThanOrEqual,
        ExpressionType.GreaterThanOrEqual => ExpressionType.LessThan,
        ExpressionType.LessThan => ExpressionType.GreaterThanOrEqual,
        ExpressionType.LessThanOrEqual => ExpressionType.GreaterThan,
        ExpressionType.Equal => ExpressionType.NotEqual,
        _ => ExpressionType.Equal,
    };

    private static string Label(string member) => member switch
    {
        "EmployeeCount" => "employees",
        "AnnualRevenue" => "annual revenue",
        "DaysSinceFunding" => "days since funding",
        "FundingStage" => "funding stage",
        "CurrentTier" => "current tier",
        _ => member.ToLowerInvariant(),
    };

    private static string[] Items(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// "A, B or C"; a long list names its first three and counts the rest.
    private static string Or(string[] items) => items.Length switch
    {
        <= 1 => string.Join("", items),
        <= 4 => $"{string.Join(", ", items[..^1])} or {items[^1]}",
        _ => $"{string.Join(", ", items[..3])} or {items.Length - 3} other types",
    };

    private static readonly string[] Small = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// 1 → "one" … 10 → "ten", then digits.
    public static string Words(double n) => n is >= 0 and <= 10 && n == Math.Floor(n) ? Small[(int)n] : Show(n);

    public static string Show(double n) => n.ToString("#,0.##", CultureInfo.InvariantCulture);

    private enum MeasureKind { Count, Decayed, DaysSince, Amount }

    private sealed record SignalCount(string Type, string Days, string? Property, string? Value);

    private sealed record Measure(MeasureKind Kind, string Noun, string Plural, bool Fact, IReadOnlyList<SignalCount> Parts);
}

/// A condition in words and how much it would take (signals count one each; facts and scores cost more).
public sealed record RulePhrase(string Text, double Effort);
