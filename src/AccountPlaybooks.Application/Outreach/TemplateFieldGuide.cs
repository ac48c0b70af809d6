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
        string Render(string expression) => renderer.Render("example.sbn", $"{{{{ {expression} }}}}", TaskTemplateModel.Sample).Task?.Title ?? "";
        TemplateField Field(string path, string insert, PropertyInfo property, bool mayBeEmpty)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var keys = IsDictionary(type) ? Render($"{insert} | object.keys | array.join \", \"") : null;
            var print = Printed(insert, type, keys?.Split(", ")[0]);
            return new TemplateField(path, TypeOf(type), DescriptionOf(property), mayBeEmpty, insert, print,
                keys is null ? Render(print) : $"keys in the sample: {keys}");
        }

        return TemplateFields.Model.Select(variable =>
        {
            var missing = MayBeNull(variable.Property);
            var fields = variable.Fields.Count == 0
                ? [Field(variable.Name, variable.Name, variable.Property, missing)]
                : variable.Fields.Select(field => Field($"{variable.Name}.{field.Name}", $"{variable.Name}{(missing ? "?." : ".")}{field.Name}",
                    field.Property, MayBeNull(field.Property) || IsCollection(field.Property.PropertyType))).ToList();
            return new TemplateVariable(variable.Name, TypeOf(variable.Property.PropertyType), DescriptionOf(variable.Property), missing, fields);
        }).ToList();
    }

    /// How to print a value readably, as docs/templates.md §3 advises: dates with a format (bare, a date shows only its
    /// day), lists joined, money grouped, scores rounded, and a dictionary's entry by key.
    private static string Printed(string expression, Type type, string? firstKey) => type switch
    {
        _ when type == typeof(DateTime) => $"{expression} | date.to_string '%a %d %b %H:%M UTC'",
        _ when type == typeof(decimal) => $"{expression} | math.format \"N0\"",
        _ when type == typeof(double) => $"{expression} | math.round",
        _ when IsDictionary(type) && firstKey is { Length: > 0 } key => $"{expression}.{key}",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) => $"{expression} | array.join \", \"",
        _ => expression,
    };

    private static bool IsDictionary(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>);

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
