using System.Collections;
using System.Reflection;

namespace AccountPlaybooks.Application.Rules;

/// Builds <see cref="RuleVocabulary"/>: the fact types' members are every member the sandbox lets through (those with
/// [RuleDoc]); text, dates, Math and lists are a chosen few of what the sandbox allows, each with a doc and an example,
/// their signatures read from the runtime and filtered by the sandbox's own checks. The vocabulary's tests compile
/// every member it lists.
internal static class RuleVocabularyBuilder
{
    private sealed record Doc(string Summary, string Example);

    private sealed record Library(string Name, Type Type, bool Static, string Description, Dictionary<string, Doc> Members);

    private static readonly Library[] Libraries =
    [
        new("String", typeof(string), false, "Text (missing text is \"\", never null); comparisons with == are case-sensitive", new()
        {
            ["Length"] = new("The number of characters", "account.Name.Length > 3"),
            ["Contains"] = new("True when the text contains the value (case-sensitive)", "account.Name.Contains(\"Bank\")"),
            ["StartsWith"] = new("True when the text starts with the value (case-sensitive)", "account.Domain.StartsWith(\"app.\")"),
            ["EndsWith"] = new("True when the text ends with the value (case-sensitive)", "account.Domain.EndsWith(\".edu\")"),
            ["ToLower"] = new("The text in lower case, to compare ignoring case", "account.Industry.ToLower() == \"software\""),
            ["ToUpper"] = new("The text in upper case", "account.Country.ToUpper() == \"US\""),
            ["Trim"] = new("The text without leading and trailing spaces", "account.Segment.Trim() != \"\""),
            ["Substring"] = new("Part of the text, from a 0-based start (and a length)", "account.Name.Substring(0, 1) == \"A\""),
            ["IndexOf"] = new("Where the value first occurs (0-based), -1 if it does not", "account.Name.IndexOf(\"Labs\") >= 0"),
            ["Replace"] = new("The text with every occurrence of a value replaced", "account.Domain.Replace(\"www.\", \"\") == \"acme.com\""),
        }),
        new("DateTime", typeof(DateTime), false, "A moment (UTC); the evaluation time is signals.Now", new()
        {
            ["Year"] = new("The year", "signals.Now.Year >= 2024"),
            ["Month"] = new("The month, 1–12", "signals.Now.Month == 12"),
            ["Day"] = new("The day of the month, 1–31", "signals.Now.Day <= 7"),
            ["DayOfYear"] = new("The day of the year, 1–366", "signals.Now.DayOfYear > 300"),
            ["Date"] = new("The same day at midnight", "signals.All.Any(s => s.OccurredAt.Date == signals.Now.Date)"),
            ["AddDays"] = new("A moment some days later (negative: earlier)", "signals.All.Any(s => s.OccurredAt > signals.Now.AddDays(-7))"),
            ["AddHours"] = new("A moment some hours later (negative: earlier)", "signals.All.Any(s => s.OccurredAt > signals.Now.AddHours(-12))"),
            ["AddMonths"] = new("A moment some months later (negative: earlier)", "signals.All.Any(s => s.OccurredAt > signals.Now.AddMonths(-3))"),
        }),
        new("TimeSpan", typeof(TimeSpan), false, "A duration, e.g. signals.Now - s.OccurredAt", new()
        {
            ["TotalDays"] = new("The duration in days, with fractions", "signals.All.Any(s => (signals.Now - s.OccurredAt).TotalDays < 2)"),
            ["TotalHours"] = new("The duration in hours, with fractions", "signals.All.Any(s => (signals.Now - s.OccurredAt).TotalHours < 24)"),
            ["Days"] = new("The whole days of the duration", "signals.All.Any(s => (signals.Now - s.OccurredAt).Days == 0)"),
        }),
        new("Math", typeof(Math), true, "Arithmetic helpers, used by name: Math.Min(a, b)", new()
        {
            ["Min"] = new("The smaller of two numbers", "Math.Min(account.EmployeeCount, 5000) >= 200"),
            ["Max"] = new("The larger of two numbers", "Math.Max(score.Fit, score.Intent) >= 60"),
            ["Abs"] = new("A number without its sign", "Math.Abs(score.Fit - score.Intent) < 20"),
            ["Round"] = new("A number rounded (to some decimals); halves go to the even digit", "Math.Round(score.Composite) >= 80"),
            ["Floor"] = new("The largest whole number not above the number", "Math.Floor(signals.DaysSince(\"email_reply\")) <= 30"),
            ["Ceiling"] = new("The smallest whole number not below the number", "Math.Ceiling(signals.Decayed(\"email_open\", 7)) >= 2"),
            ["Pow"] = new("A number raised to a power", "Math.Pow(0.5, signals.DaysSince(\"email_reply\") / 30) > 0.25"),
            ["Sqrt"] = new("The square root", "Math.Sqrt(account.EmployeeCount) > 10"),
            ["Log"] = new("The natural logarithm (or in a base)", "Math.Log(account.EmployeeCount + 1) > 4"),
            ["Clamp"] = new("A number kept between a minimum and a maximum", "Math.Clamp(account.EmployeeCount, 0, 1000) >= 200"),
        }),
    ];

    /// Lists and dictionaries: LINQ's methods are generic, so their signatures are written here; the tests compile the examples.
    private static readonly VocabularyType[] Collections =
    [
        new("List", "A list (TechStack, signals.All): count it, search it, or filter it with a condition on each item (x => …)",
            false,
            [
                Written("Count", "int", null, "Count", "The number of items; Count(x => condition) counts the matching ones", "account.TechStack.Count >= 5",
                    VocabularyMemberKind.Property),
                Written("Contains", "bool", null, "Contains(value): bool", "True when the list has the value (case-sensitive)", "account.TechStack.Contains(\"Snowflake\")"),
                Written("Any", "bool", null, "Any(x => condition): bool", "True when any item matches", "signals.All.Any(s => s.Type == \"champion_joined\")"),
                Written("All", "bool", null, "All(x => condition): bool", "True when every item matches (also for an empty list)",
                    "account.TechStack.All(t => t != \"Demandbase\")"),
                Written("Where", "list", "List", "Where(x => condition): list", "The matching items",
                    "signals.All.Where(s => s.Type == \"page_visit\").Count() >= 3"),
                Written("Sum", "number", null, "Sum(x => number): number", "The sum of a number per item", "signals.All.Sum(s => s.Properties.Count) >= 1"),
                Written("Max", "value", null, "Max(x => value): value", "The largest value per item (an empty list fails the rule)",
                    "signals.All.Max(s => s.OccurredAt) > signals.Now.AddDays(-30)"),
                Written("Min", "value", null, "Min(x => value): value", "The smallest value per item (an empty list fails the rule)",
                    "signals.All.Min(s => s.OccurredAt) < signals.Now.AddDays(-300)"),
            ]),
        new("Dictionary", "Names and their values (CustomFields, a signal's Properties, score.Components); read one with [\"name\"]", false,
            [
                Written("ContainsKey", "bool", null, "ContainsKey(string name): bool", "True when the name is there; check it before reading [\"name\"]",
                    "account.CustomFields.ContainsKey(\"plan\") && account.CustomFields[\"plan\"] == \"enterprise\""),
                Written("Count", "int", null, "Count", "The number of names", "score.Components.Count >= 4", VocabularyMemberKind.Property),
            ]),
    ];

    public static RuleVocabulary Build() => new(
        RuleFileKeys.Workflow,
        RuleFileKeys.Rule,
        Enum.GetValues<RuleConcern>()
            .Select(c => new PropertiesKeys(c, c == RuleConcern.Component ? null : c.ToString(), RuleFileKeys.PropertiesOf(c)))
            .ToList(),
        RuleParameters.All
            .Select(p => new ExpressionParameter(p.Name!, p.Type.Name, DocOf(p.Type)?.Summary ?? p.Name!, p != RuleParameters.ScoreParameter))
            .ToList(),
        [
            .. RuleParameters.FactTypes.Select(t => new VocabularyType(t.Name, DocOf(t)?.Summary ?? t.Name, false,
                Members(RuleParameters.UsableMembers(t), m => DocOf(m) is { } doc ? new Doc(doc.Summary, doc.Example ?? "") : null))),
            .. Libraries.Select(l => new VocabularyType(l.Name, l.Description, l.Static,
                Members(l.Members.Keys.SelectMany(name => Reachable(l.Type, name, l.Static)), m => l.Members[m.Name]))),
            .. Collections,
        ]);

    /// The overloads of a library member that an expression can call: allowed by the sandbox, with parameter and
    /// return types it allows, nothing generic, by-reference or variadic.
    private static IEnumerable<MemberInfo> Reachable(Type type, string name, bool isStatic) => type
        .GetMember(name, BindingFlags.Public | (isStatic ? BindingFlags.Static : BindingFlags.Instance))
        .Where(m => ExpressionSandbox.Allowed(m) && m switch
        {
            PropertyInfo property => property.GetIndexParameters().Length == 0 && ExpressionSandbox.IsAllowed(property.PropertyType),
            MethodInfo method => !method.IsGenericMethod && !method.ReturnType.IsByRef && method.ReturnType != typeof(void) &&
                ExpressionSandbox.IsAllowed(method.ReturnType) && method.GetParameters().All(p =>
                    !p.ParameterType.IsByRef && !p.IsDefined(typeof(ParamArrayAttribute)) && ExpressionSandbox.IsAllowed(p.ParameterType)),
            _ => false,
        });

    private static List<VocabularyMember> Members(IEnumerable<MemberInfo> members, Func<MemberInfo, Doc?> docOf) => members
        .GroupBy(m => m.Name)
        .Select(group =>
        {
            var first = group.First();
            var returns = first is PropertyInfo property ? property.PropertyType : ((MethodInfo)first).ReturnType;
            var doc = docOf(first);
            var signatures = group.OfType<MethodInfo>()
                .OrderBy(m => m.GetParameters().Length)
                .Select(m => new VocabularySignature(
                    $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => $"{Display(p.ParameterType)} {p.Name}"))}): {Display(m.ReturnType)}",
                    m.GetParameters().Select(p => new VocabularyArgument(p.Name ?? "", Display(p.ParameterType))).ToList()))
                .ToList();
            return new VocabularyMember(group.Key, first is PropertyInfo ? VocabularyMemberKind.Property : VocabularyMemberKind.Method,
                Display(returns), TypeKey(returns), signatures, doc?.Summary ?? "", doc?.Example is { Length: > 0 } example ? example : null);
        })
        .OrderBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    private static VocabularyMember Written(string name, string returns, string? returnsType, string signature, string summary, string example,
        VocabularyMemberKind kind = VocabularyMemberKind.Method) =>
        new(name, kind, returns, returnsType, kind == VocabularyMemberKind.Method ? [new VocabularySignature(signature, [])] : [], summary, example);

    private static RuleDocAttribute? DocOf(MemberInfo member) => member.GetCustomAttribute<RuleDocAttribute>(inherit: false);

    /// The vocabulary type a value's members are listed under, for completion after a dot.
    private static string? TypeKey(Type type) =>
        RuleParameters.FactTypes.Contains(type) ? type.Name
        : type == typeof(string) ? "String"
        : type == typeof(DateTime) ? "DateTime"
        : type == typeof(TimeSpan) ? "TimeSpan"
        : IsDictionary(type) ? "Dictionary"
        : typeof(IEnumerable).IsAssignableFrom(type) ? "List"
        : null;

    /// Type names as rule authors read them in docs/rules.md: string, int, list of string, string → double.
    private static string Display(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(int) => "int",
        _ when type == typeof(long) => "long",
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(decimal) => "decimal",
        _ when type == typeof(char) => "char",
        _ when IsDictionary(type) => $"{Display(type.GetGenericArguments()[0])} → {Display(type.GetGenericArguments()[1])}",
        _ when type.IsArray => $"list of {Display(type.GetElementType()!)}",
        _ when type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) => $"list of {Display(type.GetGenericArguments()[0])}",
        _ => type.Name,
    };

    private static bool IsDictionary(Type type) => type.IsGenericType && type.GetGenericArguments().Length == 2 &&
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}
