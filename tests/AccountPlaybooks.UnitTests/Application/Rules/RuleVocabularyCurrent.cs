using System.Reflection;
using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.UnitTests.Application.Rules;

/// The editor's vocabulary and validation never drift: every member listed compiles in an expression, every example
/// compiles, and every member of the facts that is not listed is refused by the sandbox.
public sealed class RuleVocabularyCurrent
{
    private static readonly RuleVocabulary Vocabulary = RuleVocabulary.Current;

    /// How to reach a value of each vocabulary type inside an expression: (before, receiver, after).
    private static readonly Dictionary<string, (string Before, string Receiver, string After)> Receivers = new()
    {
        ["AccountFacts"] = ("", "account", ""),
        ["SignalWindow"] = ("", "signals", ""),
        ["ScoreFacts"] = ("", "score", ""),
        ["SignalFact"] = ("signals.All.Any(s => ", "s", ")"),
        ["String"] = ("", "account.Name", ""),
        ["DateTime"] = ("", "signals.Now", ""),
        ["TimeSpan"] = ("", "(signals.Now - signals.Now)", ""),
        ["Math"] = ("", "Math", ""),
    };

    /// A literal of each parameter type, typed exactly, so each overload is the one called.
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["string"] = "\"x\"", ["int"] = "1", ["long"] = "1L", ["double"] = "1.5", ["float"] = "1.5f", ["decimal"] = "1.5m",
        ["bool"] = "true", ["char"] = "'x'", ["DateTime"] = "signals.Now", ["SignalFact"] = "s",
    };

    public static TheoryData<string> ListedCalls()
    {
        var calls = new TheoryData<string>();
        foreach (var type in Vocabulary.Types.Where(t => Receivers.ContainsKey(t.Name)))
        {
            foreach (var member in type.Members)
            {
                var forms = member.Kind == VocabularyMemberKind.Property
                    ? [member.Name]
                    : member.Signatures.Select(s => $"{member.Name}({string.Join(", ", s.Parameters.Select(p => Samples[p.Type]))})");
                foreach (var form in forms)
                {
                    calls.Add(Use(type.Name, form, member.ReturnsType is "List" or "Dictionary"));
                }
            }
        }
        return calls;
    }

    [Theory]
    [MemberData(nameof(ListedCalls))]
    public void CompilesEveryListedMemberAndSignature(string expression)
    {
        var (compiled, problem) = RuleExpressions.Compile(expression);

        Assert.True(compiled is not null, $"{expression}: {problem}");
    }

    [Fact]
    public void CompilesEveryExampleAndDocumentsEveryMember()
    {
        var members = Vocabulary.Types.SelectMany(t => t.Members.Select(m => (Type: t.Name, Member: m))).ToList();

        Assert.All(members, m => Assert.False(string.IsNullOrWhiteSpace(m.Member.Description), $"{m.Type}.{m.Member.Name} has no description"));
        Assert.All(members, m => Assert.True(m.Member.Example is not null, $"{m.Type}.{m.Member.Name} has no example"));
        Assert.All(members, m => Assert.True(RuleExpressions.Compile(m.Member.Example!).Problem is null,
            $"{m.Type}.{m.Member.Name}: {m.Member.Example} → {RuleExpressions.Compile(m.Member.Example!).Problem}"));
    }

    [Fact]
    public void ListsEveryFactMemberTheSandboxAllowsWithItsSignature()
    {
        var account = Vocabulary.Types.Single(t => t.Name == "AccountFacts");
        var signals = Vocabulary.Types.Single(t => t.Name == "SignalWindow");

        Assert.Equal(["account", "signals", "score"], Vocabulary.Parameters.Select(p => p.Name));
        Assert.False(Vocabulary.Parameters.Single(p => p.Name == "score").InScoringComponents);
        Assert.Contains(account.Members, m => m is { Name: "EmployeeCount", Returns: "int", Kind: VocabularyMemberKind.Property });
        Assert.Equal("String", account.Members.Single(m => m.Name == "Industry").ReturnsType);
        Assert.Equal("CountWhere(string type, int days, string property, string value): int",
            Assert.Single(signals.Members.Single(m => m.Name == "CountWhere").Signatures).Text);
        Assert.Equal("List", signals.Members.Single(m => m.Name == "All").ReturnsType);
        Assert.Contains("Min", Vocabulary.Types.Single(t => t.Name == "Math").Members.Select(m => m.Name));
    }

    public static TheoryData<string, string> UnlistedFactMembers()
    {
        var unlisted = new TheoryData<string, string>();
        foreach (var type in RuleParameters.FactTypes)
        {
            var listed = Vocabulary.Types.Single(t => t.Name == type.Name).Members.Select(m => m.Name).ToHashSet();
            // A record's ToString, Equals and GetHashCode are left out: Dynamic LINQ binds them to object's own, allowed on any value.
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m is PropertyInfo || m is MethodInfo { IsSpecialName: false } method && method.GetBaseDefinition().DeclaringType != typeof(object))
                .Where(m => !listed.Contains(m.Name) && m.Name.All(char.IsLetterOrDigit) && m.Name != "Deconstruct")
                .Select(m => (m.Name, Returns: m is MethodInfo method ? method.ReturnType : ((PropertyInfo)m).PropertyType,
                    Arguments: m is MethodInfo call ? call.GetParameters().Select(p => p.ParameterType).ToArray() : null));
            foreach (var (name, returns, arguments) in members.Append(("GetType", typeof(Type), []))) // from object, the first step to reflection
            {
                var call = arguments is null ? name : $"{name}({string.Join(", ", arguments.Select(SampleOf))})";
                unlisted.Add($"{type.Name}.{name}", Use(type.Name, call, returns != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(returns)));
            }
        }
        return unlisted;
    }

    [Theory]
    [MemberData(nameof(UnlistedFactMembers))]
    public void RefusesEveryFactMemberItDoesNotList(string member, string expression)
    {
        var (compiled, problem) = RuleExpressions.Compile(expression);

        Assert.True(compiled is null, $"{member} is not in the vocabulary but {expression} compiles");
        Assert.Contains("not allowed", problem!.Message);
    }

    [Fact]
    public void RefusesTakeEvidenceWhichOnlyTheEvaluatorCalls()
    {
        var (_, problem) = RuleExpressions.Compile("signals.TakeEvidence().Count > 0");

        Assert.Equal("SignalWindow.TakeEvidence() is not allowed in rules", problem?.Message);
        Assert.DoesNotContain("TakeEvidence", Vocabulary.Types.Single(t => t.Name == "SignalWindow").Members.Select(m => m.Name));
    }

    [Fact]
    public void ListsExactlyTheKeysTheParserAccepts()
    {
        var ruleKeys = Vocabulary.RuleKeys.Where(k => k.Name is not ("RuleName" or "Expression")).Select(k => k.Kind switch
        {
            RuleKeyKind.Boolean => $"\"{k.Name}\": true",
            RuleKeyKind.Object => $"\"{k.Name}\": {{ \"points\": 30 }}",
            _ => $"\"{k.Name}\": \"{k.Values?.FirstOrDefault() ?? "x"}\"",
        });
        var everyKey = RuleFiles.With("scoring.json", json => json.Replace(
            "{ \"RuleName\": \"UsesCrm\", \"Expression\": \"account.UsesAny(\\\"Salesforce,HubSpot\\\")\",\n        \"Properties\": { \"points\": 30, \"reason\": \"Runs Salesforce or HubSpot\" } }",
            $"{{ \"RuleName\": \"UsesCrm\", \"Expression\": \"true\", {string.Join(", ", ruleKeys)} }}"));
        var unlisted = RuleFiles.With("scoring.json", json => json.Replace("\"RuleName\": \"UsesCrm\",", "\"RuleName\": \"UsesCrm\", \"Operator\": \"And\","));

        Assert.Empty(RuleFiles.Problems(everyKey));
        Assert.Contains(RuleFiles.Problems(unlisted), p => p.Rule == "UsesCrm" && p.Message.Contains("nested rules are not supported"));
        Assert.DoesNotContain("Operator", Vocabulary.RuleKeys.Select(k => k.Name));
        Assert.Equal(["WorkflowName", "Rules"], Vocabulary.WorkflowKeys.Select(k => k.Name));
        Assert.Equal(["action", "tier", "holdDays", "reason"],
            Vocabulary.PropertiesKeys.Single(p => p.WorkflowName == "Triggers").Keys.Select(k => k.Name));
        Assert.Equal(["promote", "demote", "flag"], Vocabulary.PropertiesKeys.Single(p => p.WorkflowName == "Triggers").Keys[0].Values);
    }

    /// A whole expression that reads the member: a list or dictionary by its Count (ToString() on a list would mean LINQ
    /// to Dynamic LINQ, and null is an object, which the sandbox refuses).
    private static string Use(string type, string member, bool isCollection)
    {
        var (before, receiver, after) = Receivers[type];
        return $"{before}{receiver}.{member}{(isCollection ? ".Count >= 0" : ".ToString() != \"\"")}{after}";
    }

    private static string SampleOf(Type type) =>
        type == typeof(string) ? "\"x\"" : type == typeof(int) || type == typeof(double) ? "1" : type.Name == "SignalFact" || type == typeof(object) ? "s" : "null";
}
