using System.ComponentModel;
using System.Reflection;

namespace AccountPlaybooks.Application.Outreach;

/// Every variable and field a template can read, generated from the model the renderer imports
/// (<see cref="TemplateFields.Model"/>): names as templates spell them, descriptions from the model's
/// <see cref="DescriptionAttribute"/>s, types and emptiness from the CLR types, and each example rendered from the full
/// sample by the renderer itself. A field added to the model appears here without another edit.
public sealed class TemplateFieldGuide(TemplateRenderer renderer)
{
    private readonly Lazy<IReadOnlyList<TemplateVariable>> _variables = new(() => Describe(renderer));

    public IReadOnlyList<TemplateVariable> Variables => _variables.Value;

    private static List<TemplateVariable> Describe(TemplateRenderer renderer)
    {
        var nullability = new NullabilityInfoContext();
        bool MayBeNull(PropertyInfo property) => Nullable.GetUnderlyingType(property.PropertyType) is not null ||
                                                 nullability.Create(property).ReadState == NullabilityState.Nullable;
        string Example(string expression) => renderer.Render("example.sbn", $"{{{{ {expression} }}}}", TaskTemplateModel.Sample).Task?.Title ?? "";

        return TemplateFields.Model.Select(variable =>
        {
            var missing = MayBeNull(variable.Property);
            var fields = variable.Fields.Count == 0
                ? [new TemplateField(variable.Name, TypeOf(variable.Property.PropertyType), DescriptionOf(variable.Property), missing, variable.Name,
                    Example(variable.Name))]
                : variable.Fields.Select(field =>
                {
                    var insert = $"{variable.Name}{(missing ? "?." : ".")}{field.Name}";
                    return new TemplateField($"{variable.Name}.{field.Name}", TypeOf(field.Property.PropertyType), DescriptionOf(field.Property),
                        MayBeNull(field.Property) || IsCollection(field.Property.PropertyType), insert, Example(insert));
                }).ToList();
            return new TemplateVariable(variable.Name, TypeOf(variable.Property.PropertyType), DescriptionOf(variable.Property), missing, fields);
        }).ToList();
    }

    private static string DescriptionOf(PropertyInfo property) => property.GetCustomAttribute<DescriptionAttribute>()?.Description
        ?? throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name} has no [Description]: the field panel needs one");

    private static bool IsCollection(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() is var generic &&
                                                   (generic == typeof(List<>) || generic == typeof(Dictionary<,>));

    /// The type in the words of a person writing a template.
    internal static string TypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return $"list of {TypeOf(type.GetGenericArguments()[0])}";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return $"{TypeOf(type.GetGenericArguments()[0])} → {TypeOf(type.GetGenericArguments()[1])}";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "text",
            TypeCode.Int32 or TypeCode.Int64 => "whole number",
            TypeCode.Decimal => "decimal",
            TypeCode.Double => "number",
            TypeCode.Boolean => "true or false",
            TypeCode.DateTime => "date and time (UTC)",
            _ when type.Namespace == typeof(TaskTemplateModel).Namespace => "object",
            _ => throw new InvalidOperationException($"the field panel has no words for the type {type.Name}; add them to {nameof(TemplateFieldGuide)}.{nameof(TypeOf)}"),
        };
    }
}
