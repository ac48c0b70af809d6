using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using AccountPlaybooks.Application.Scoring.Facts;

namespace AccountPlaybooks.Application.Rules;

/// Estimates, without running it, what an expression that passed the sandbox can cost, and refuses it when it can
/// exceed <see cref="ExpressionLimits"/>. Two measures, both conservative:
/// - loop depth: the degree of the polynomial in "items in a collection" that bounds the work. A lambda over
///   signals.All is one loop, a helper that scans signals (signals.Count) or a collection method without a lambda
///   (Contains) is one, SelectMany and Join multiply their sources.
/// - text size: a bound on every text built, as factor × (the data it is made from) + constant characters.
public sealed partial class ExpressionCost
{
    private readonly record struct Text(double Factor, double Constant)
    {
        public static readonly Text Data = new(1, 0);

        public static Text operator +(Text a, Text b) => new(a.Factor + b.Factor, a.Constant + b.Constant);

        public static Text Max(Text a, Text b) => new(Math.Max(a.Factor, b.Factor), Math.Max(a.Constant, b.Constant));
    }

    /// <see cref="Depth"/>: nested loops so far and <see cref="Chain"/> the loops that make it; <see cref="Size"/>: for a
    /// collection, the loops it takes to produce it (a fact list 1, a SelectMany of two 2, a literal array 0);
    /// <see cref="Text"/>: for a text or a collection of texts, its bound.
    private readonly record struct Cost(int Depth, string Chain, int Size, Text? Text)
    {
        public static readonly Cost Zero = new(0, "", 0, null);
    }

    private sealed class Exceeded(string message) : Exception(message);

    /// Enumerable methods that keep every item (sort, set, list, lookup): fine over one collection, refused over a
    /// product of two, whose items number the square of the signals.
    private static readonly HashSet<string> Buffering =
    [
        "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending",
        "Order", "OrderDescending", "Reverse", "Distinct", "DistinctBy", "Union", "UnionBy", "Intersect", "IntersectBy", "Except",
        "ExceptBy", "GroupBy", "GroupJoin", "Join", "Chunk", "CountBy", "AggregateBy", "Index",
    ];

    /// Methods on a list or dictionary that do not walk it.
    private static readonly HashSet<string> Direct = ["get_Item", "ContainsKey", "TryGetValue", "get_Count", "ElementAt"];

    private readonly Dictionary<ParameterExpression, Cost> _parameters = [];

    /// The first limit the expression can exceed, in words that name it and the limit; null when it stays within all.
    public static string? Check(Expression body)
    {
        try
        {
            var cost = new ExpressionCost().Walk(body);
            return cost.Depth > ExpressionLimits.MaxLoopDepth ? TooDeep(cost) : null;
        }
        catch (Exceeded exceeded)
        {
            return exceeded.Message;
        }
    }

    private Cost Walk(Expression? node)
    {
        var cost = node switch
        {
            null => Cost.Zero,
            ConstantExpression constant => new Cost(0, "", 0, constant.Value is string s ? new Text(0, s.Length) : null),
            ParameterExpression parameter => _parameters.TryGetValue(parameter, out var known) ? known : Fact(parameter.Type, 0),
            MemberExpression member => Member(member),
            UnaryExpression unary => Walk(unary.Operand) is var operand && IsCollection(unary.Type) ? operand : operand with { Size = 0 },
            BinaryExpression binary => Binary(binary),
            ConditionalExpression conditional => Widest(Walk(conditional.Test), Walk(conditional.IfTrue), Walk(conditional.IfFalse)),
            NewArrayExpression array => Widest(array.Expressions.Select(Walk).ToArray()),
            LambdaExpression lambda => Walk(lambda.Body),
            TypeBinaryExpression type => Walk(type.Expression) with { Size = 0, Text = null },
            IndexExpression index => Widest([Walk(index.Object), .. index.Arguments.Select(Walk)]) with { Size = 0, Text = Fact(index.Type, 0).Text },
            MethodCallExpression call => Call(call),
            _ => Cost.Zero,
        };
        if (cost.Text is { } text && node is not null && node.Type == typeof(string))
        {
            CheckText(text, node);
        }
        return cost;
    }

    /// A value read from the facts: a list is one collection (Size 1), a text is data.
    private static Cost Fact(Type type, int depth) =>
        new(depth, "", IsCollection(type) ? 1 : 0, type == typeof(string) || ElementType(type) == typeof(string) ? Text.Data : null);

    private Cost Member(MemberExpression member)
    {
        var owner = Walk(member.Expression);
        var fact = Fact(member.Type, owner.Depth);
        // Keys and Values of a product are as large as it; a field of one item is data.
        return owner with { Size = fact.Size == 0 ? 0 : Math.Max(fact.Size, owner.Size), Text = fact.Text };
    }

    private Cost Binary(BinaryExpression binary)
    {
        var (left, right) = (Walk(binary.Left), Walk(binary.Right));
        var widest = Widest(left, right);
        if (binary.Type != typeof(string))
        {
            return widest with { Size = IsCollection(binary.Type) ? Math.Max(left.Size, right.Size) : 0, Text = null };
        }
        var (l, r) = (left.Text ?? Text.Data, right.Text ?? Text.Data);
        return widest with { Text = binary.NodeType == ExpressionType.Coalesce ? Text.Max(l, r) : l + r };
    }

    private Cost Call(MethodCallExpression call)
    {
        CheckSizeArguments(call);
        var method = call.Method;
        if (method.DeclaringType == typeof(Enumerable))
        {
            return Linq(call);
        }
        var owner = Walk(call.Object);
        var arguments = call.Arguments.Select(Walk).ToList();
        var children = Widest([owner, .. arguments]);
        if (method.DeclaringType == typeof(string))
        {
            return StringCall(call, owner, arguments, children);
        }
        if (method.DeclaringType == typeof(SignalWindow) || (method.DeclaringType == typeof(AccountFacts) && method.Name.StartsWith("Uses", StringComparison.Ordinal)))
        {
            // The signal helpers scan every signal in the window; Uses… scan the tech stack.
            return Loop(children, 1, $"{Describe(call.Object)}.{method.Name}", Cost.Zero) with { Size = 0, Text = Fact(call.Type, 0).Text };
        }
        if (call.Object is { } list && IsCollection(list.Type) && !Direct.Contains(method.Name))
        {
            return Loop(children, owner.Size, $"{Describe(list)}.{method.Name}", Cost.Zero) with { Size = 0, Text = null };
        }
        Text? text = call.Type != typeof(string) ? null
            : method.Name == nameof(ToString) && call.Object is { } value && value.Type != typeof(string) ? new Text(0, 64 + FormatSize(call))
            : Text.Data;
        return children with { Size = IsCollection(call.Type) ? Math.Max(1, owner.Size) : 0, Text = text };
    }

    private Cost StringCall(MethodCallExpression call, Cost owner, List<Cost> arguments, Cost children)
    {
        var name = call.Method.Name;
        var self = owner.Text ?? Text.Data;
        switch (name)
        {
            case nameof(string.Join) or nameof(string.Concat) when call.Arguments.Any(a => IsCollection(a.Type)):
            {
                var index = call.Arguments.Select((a, i) => (a, i)).First(p => IsCollection(p.a.Type)).i;
                var items = arguments[index];
                if (items.Size >= 2)
                {
                    throw new Exceeded($"string.{name} would build one text from every item of a collection made by {items.Size} nested loops; " +
                                       "join a list of the account's own values instead");
                }
                // n items of at most f×data+c characters and a separator of s: at most (f + c + s) × the data, as each item is at least one character.
                // A literal list ["a", b] joins its own items once each.
                var item = items.Text ?? new Text(0, 64);
                var separator = index > 0 ? arguments[0].Text ?? new Text(0, 1) : new Text(0, 0);
                var joined = items.Size > 0 ? new Text(item.Factor + item.Constant + separator.Constant, 0)
                    : Unwrap(call.Arguments[index]) is NewArrayExpression literal
                        ? new Text(item.Factor * literal.Expressions.Count, (item.Constant + separator.Constant) * literal.Expressions.Count)
                        : item + separator;
                return Loop(children, items.Size, $"string.{name}", Cost.Zero) with { Size = 0, Text = joined };
            }
            case nameof(string.Concat):
                return children with { Text = arguments.Select(a => a.Text ?? Text.Data).Aggregate(new Text(0, 0), (a, b) => a + b) };
            case nameof(string.PadLeft) or nameof(string.PadRight):
                return children with { Text = self with { Constant = Math.Max(self.Constant, ConstantOf(call.Arguments[0]) ?? 0) } };
            case nameof(string.Insert):
                return children with { Text = self + (arguments[1].Text ?? Text.Data) };
            case nameof(string.Replace) when call.Arguments[0].Type == typeof(string):
                return children with { Text = Replaced(call, self) };
            case nameof(string.Split) or nameof(string.ToCharArray):
                return children with { Size = call.Object is ConstantExpression ? 0 : 1, Text = name == nameof(string.Split) ? self : null };
            default:
                return children with
                {
                    Size = IsCollection(call.Type) ? 1 : 0,
                    Text = call.Type == typeof(string) ? call.Object is null ? Text.Data : self : null,
                };
        }
    }

    /// Replace multiplies a text by how much longer the replacement is than what it replaces, so it must be a constant.
    private static Text Replaced(MethodCallExpression call, Text self)
    {
        if (Unwrap(call.Arguments[1]) is not ConstantExpression { Value: var replacement })
        {
            throw new Exceeded("Replace's replacement must be written as text in the expression (a constant): a replacement " +
                               "read from the data could make the text grow without bound");
        }
        var newLength = ((string?)replacement)?.Length ?? 0;
        var oldLength = Unwrap(call.Arguments[0]) is ConstantExpression { Value: string old } ? Math.Max(old.Length, 1) : 1;
        var growth = Math.Max(1.0, Math.Ceiling((double)newLength / oldLength));
        return new Text(self.Factor * growth, self.Constant * growth);
    }

    /// LINQ over a collection: the loop's depth is the source's size plus the deepest lambda body.
    private Cost Linq(MethodCallExpression call)
    {
        var name = call.Method.Name;
        if (name == nameof(Enumerable.Aggregate) && !IsSmallValue(call.Type))
        {
            throw new Exceeded($"Aggregate may only compute numbers, true/false or dates, not {Named(call.Type)}: text or lists built by " +
                               "Aggregate can double at every item; use Sum, Count, Min, Max or string.Join");
        }
        var sources = call.Arguments.Where(a => Unwrap(a) is not LambdaExpression).Select(a => (Argument: a, Cost: Walk(a))).ToList();
        var sizes = sources.Select(s => SourceSize(s.Argument, s.Cost)).ToList();
        var items = name is nameof(Enumerable.Join) or nameof(Enumerable.GroupJoin) ? sizes.Take(2).Sum() : sizes.DefaultIfEmpty().Max();
        if (Buffering.Contains(name) && items >= 2)
        {
            throw new Exceeded($"{name} would keep every item of a collection made by {items} nested loops (the square of the signals); " +
                               "only count or test it (Any, All, Count, Sum, Min, Max)");
        }
        var elementText = sources.Select(s => s.Cost.Text).FirstOrDefault(t => t is not null);
        var body = Cost.Zero;
        foreach (var lambda in call.Arguments.Select(Unwrap).OfType<LambdaExpression>())
        {
            foreach (var parameter in lambda.Parameters)
            {
                _parameters[parameter] = Fact(parameter.Type, 0) with
                {
                    Size = IsCollection(parameter.Type) ? Math.Max(items, 1) : 0,
                    Text = parameter.Type == typeof(string) ? elementText ?? Text.Data : null,
                };
            }
            var inner = Walk(lambda.Body);
            body = inner.Depth >= body.Depth ? inner with { Size = Math.Max(inner.Size, body.Size), Text = inner.Text ?? body.Text }
                : body with { Size = Math.Max(inner.Size, body.Size), Text = body.Text ?? inner.Text };
        }
        var source = sources.Count > 0 ? sources[0].Argument : call;
        var looped = Loop(Widest(sources.Select(s => s.Cost).ToArray()), items, $"{Describe(source)}.{name}", body);
        // Select(s => text) and Max(s => text) give the lambda's texts; Where, First and the like the source's.
        var selector = call.Arguments.Select(Unwrap).OfType<LambdaExpression>().LastOrDefault()?.ReturnType;
        var fromLambda = selector is not null && (selector == call.Type || selector == ElementType(call.Type) || ElementType(selector) == ElementType(call.Type));
        Text? resultText = call.Type != typeof(string) && ElementType(call.Type) != typeof(string) ? null
            : (fromLambda ? body.Text : elementText) ?? Text.Data;
        return looped with
        {
            Size = !IsCollection(call.Type) ? 0 : name == nameof(Enumerable.SelectMany) ? items + Math.Max(body.Size, 1) : items,
            Text = resultText,
        };
    }

    /// Work over <paramref name="items"/> loops, each running <paramref name="body"/>, inside what the arguments cost.
    private static Cost Loop(Cost arguments, int items, string step, Cost body)
    {
        if (items == 0)
        {
            return Widest(arguments, body);
        }
        var depth = items + body.Depth;
        var chain = body.Chain.Length == 0 ? step : $"{step} → {body.Chain}";
        // Not refused here: the whole walk's depth, checked at the end, names every level (6 deep, not "3").
        return Widest(arguments, new Cost(depth, chain, 0, null));
    }

    private static string TooDeep(Cost cost) =>
        $"lambdas and other loops over collections nested {cost.Depth} deep ({cost.Chain}); the limit is {ExpressionLimits.MaxLoopDepth}";

    /// A text as a LINQ source is its characters: data unless it is a constant.
    private static int SourceSize(Expression argument, Cost cost) =>
        argument.Type == typeof(string) ? (Unwrap(argument) is ConstantExpression ? 0 : Math.Max(cost.Size, 1))
        : IsCollection(argument.Type) ? cost.Size : 0;

    /// The deepest of the parts, with its chain; sizes and texts are the caller's to set.
    private static Cost Widest(params Cost[] parts)
    {
        if (parts.Length == 0)
        {
            return Cost.Zero;
        }
        var texts = parts.Where(p => p.Text is not null).Select(p => p.Text!.Value).ToList();
        return parts.MaxBy(p => p.Depth) with { Size = parts.Max(p => p.Size), Text = texts.Count == 0 ? null : texts.Aggregate(Text.Max) };
    }

    private static void CheckText(Text text, Expression node)
    {
        if (text.Constant > ExpressionLimits.MaxSize)
        {
            throw new Exceeded($"{Describe(node)} can build a text of {text.Constant:N0} characters; the limit is {ExpressionLimits.MaxSize:N0}");
        }
        if (text.Factor > ExpressionLimits.MaxTextGrowth)
        {
            throw new Exceeded($"{Describe(node)} can make a text {text.Factor:N0} times longer than the data it is made from; " +
                               $"the limit is {ExpressionLimits.MaxTextGrowth} times");
        }
    }

    /// Widths, capacities and chunk sizes are written as constants below the limit, so their cost is known.
    private static void CheckSizeArguments(MethodCallExpression call)
    {
        var name = call.Method.Name;
        var sized = name is nameof(string.PadLeft) or nameof(string.PadRight) && call.Method.DeclaringType == typeof(string)
                    || name is "EnsureCapacity" or "TrimExcess" or nameof(Enumerable.Chunk);
        if (sized && call.Arguments.FirstOrDefault(a => a.Type == typeof(int)) is { } size)
        {
            var value = ConstantOf(size) ?? throw new Exceeded($"{name}'s size must be a number written in the expression (a constant), " +
                                                                $"at most {ExpressionLimits.MaxSize:N0}");
            if (value > ExpressionLimits.MaxSize)
            {
                throw new Exceeded($"{name}({value}) asks for {value:N0}; the limit is {ExpressionLimits.MaxSize:N0}");
            }
        }
        if (name == nameof(ToString) && call.Arguments.FirstOrDefault(a => a.Type == typeof(string)) is { } format &&
            Unwrap(format) is not ConstantExpression)
        {
            throw new Exceeded("a ToString format must be written in the expression (a constant)");
        }
        if (name == nameof(ToString) && FormatSize(call) > ExpressionLimits.MaxSize)
        {
            throw new Exceeded($"the format of ToString asks for {FormatSize(call):N0} digits; the limit is {ExpressionLimits.MaxSize:N0}");
        }
    }

    /// The largest number written in a ToString format ("D8", "F2", "N1000000"): how many digits it may ask for.
    private static long FormatSize(MethodCallExpression call) =>
        call.Arguments.Select(Unwrap).OfType<ConstantExpression>().Select(c => c.Value).OfType<string>()
            .SelectMany(f => Digits().Matches(f).Select(m => long.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue))
            .DefaultIfEmpty(0).Max() + call.Arguments.Select(Unwrap).OfType<ConstantExpression>().Select(c => (c.Value as string)?.Length ?? 0).DefaultIfEmpty(0).Sum();

    private static long? ConstantOf(Expression expression) =>
        Unwrap(expression) is ConstantExpression { Value: var value } && value is int or long ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;

    private static Expression Unwrap(Expression expression) => expression switch
    {
        UnaryExpression { NodeType: ExpressionType.Quote or ExpressionType.Convert or ExpressionType.ConvertChecked } unary => Unwrap(unary.Operand),
        _ => expression,
    };

    private static bool IsCollection(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    private static bool IsSmallValue(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t.IsPrimitive || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(TimeSpan));

    private static Type? ElementType(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Named(Type type) => type == typeof(string) ? "text" : type.IsGenericType ? type.Name.Split('`')[0] : type.Name;

    /// How a person would write the node, short: signals.All, a.Type.PadLeft, string.Join.
    private static string Describe(Expression? expression) => expression switch
    {
        null => "",
        ParameterExpression parameter => parameter.Name ?? "it",
        MemberExpression member => member.Expression is null ? $"{member.Member.DeclaringType?.Name}.{member.Member.Name}" : $"{Describe(member.Expression)}.{member.Member.Name}",
        MethodCallExpression { Method.DeclaringType: var type } call when type == typeof(Enumerable) && call.Arguments.Count > 0 =>
            $"{Describe(call.Arguments[0])}.{call.Method.Name}(…)",
        MethodCallExpression call => call.Object is null ? $"{Named(call.Method.DeclaringType!)}.{call.Method.Name}(…)" : $"{Describe(call.Object)}.{call.Method.Name}(…)",
        UnaryExpression unary => Describe(unary.Operand),
        ConstantExpression { Value: string text } => $"\"{(text.Length > 20 ? text[..20] + "…" : text)}\"",
        ConstantExpression constant => constant.Value?.ToString() ?? "null",
        BinaryExpression { NodeType: ExpressionType.Add } add => $"{Describe(add.Left)} + {Describe(add.Right)}",
        _ => "the expression",
    };

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
