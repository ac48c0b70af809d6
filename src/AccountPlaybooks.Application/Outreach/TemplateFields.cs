using System.Reflection;
using AccountPlaybooks.Application.Rules;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AccountPlaybooks.Application.Outreach;

/// The model's names as templates see them (snake_case), and a check on the parsed template that every
/// `account.x`, `signal.x`, `owner.x`, `step.x` and `playbook.x` names a real field — in every branch, taken or not.
internal static class TemplateFields
{
    /// The top-level variables: account, signal, owner, step, playbook, now.
    public static IReadOnlyList<string> Variables { get; } =
        typeof(TaskTemplateModel).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => StandardMemberRenamer.Rename(p.Name)).ToList();

    /// Each record-valued variable → its fields, in declaration order.
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Records { get; } =
        typeof(TaskTemplateModel).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.Namespace == typeof(TaskTemplateModel).Namespace)
            .ToDictionary(p => StandardMemberRenamer.Rename(p.Name), p => (IReadOnlyList<string>)p.PropertyType
                .GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(f => StandardMemberRenamer.Rename(f.Name)).ToList());

    public static IEnumerable<(ScriptNode Node, string Message)> Check(ScriptNode root)
    {
        var pending = new Stack<ScriptNode>([root]);
        while (pending.TryPop(out var node))
        {
            if (node is ScriptMemberExpression { Target: ScriptVariableGlobal variable, Member: { } member } &&
                Records.TryGetValue(variable.Name, out var fields) && !fields.Contains(member.Name))
            {
                yield return (member, $"unknown field {variable.Name}.{member.Name}. " +
                                      Suggestions.DidYouMean(member.Name, fields.ToList(), $"fields of {variable.Name}"));
            }
            foreach (var child in node.Children)
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
