using System.Reflection;
using AccountPlaybooks.Application.Rules;
using Scriban.Runtime;
using Scriban.Syntax;

namespace AccountPlaybooks.Application.Outreach;

/// The model's names as templates see them (snake_case), and a check on the parsed template that every
/// `account.x`, `signal.x`, `owner.x`, `step.x` and `playbook.x` names a real field — in every branch, taken or not.
internal static class TemplateFields
{
    /// The model as the renderer imports it: each top-level property (account, signal, owner, step, playbook, now) with
    /// its template name and, for the record-valued ones, their fields in declaration order. The field check, the
    /// read-only variables and the Studio's field panel (<see cref="TemplateFieldGuide"/>) all read this one list.
    public static IReadOnlyList<ModelVariable> Model { get; } =
        typeof(TaskTemplateModel).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new ModelVariable(StandardMemberRenamer.Rename(p.Name), p,
                p.PropertyType.Namespace == typeof(TaskTemplateModel).Namespace
                    ? p.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Select(f => new ModelField(StandardMemberRenamer.Rename(f.Name), f)).ToList()
                    : []))
            .ToList();

    /// The top-level variables: account, signal, owner, step, playbook, now.
    public static IReadOnlyList<string> Variables { get; } = Model.Select(v => v.Name).ToList();

    /// Each record-valued variable → its fields, in declaration order.
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Records { get; } = Model.Where(v => v.Fields.Count > 0)
        .ToDictionary(v => v.Name, v => (IReadOnlyList<string>)v.Fields.Select(f => f.Name).ToList());

    internal sealed record ModelVariable(string Name, PropertyInfo Property, IReadOnlyList<ModelField> Fields);

    internal sealed record ModelField(string Name, PropertyInfo Property);

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
