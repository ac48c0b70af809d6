using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.UnitTests.Application.Rules;

/// The repository's rules, with one file changed by a test.
internal static class RuleFiles
{
    public static (List<RuleFile> Rules, List<RuleFile> Cases) Default() => RulesFolder.Read(RepoPaths.Rules);

    public static List<RuleFile> With(string file, Func<string, string> change)
    {
        var rules = Default().Rules;
        var index = rules.FindIndex(f => f.Name == file);
        var edited = change(rules[index].Content);
        Assert.NotEqual(rules[index].Content, edited); // the test's edit must hit the file
        rules[index] = rules[index] with { Content = edited };
        return rules;
    }

    public static List<RuleProblem> Problems(List<RuleFile> rules) => RulesetCompiler.Compile(rules).Problems;
}
