using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using AccountPlaybooks.Tests;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.UnitTests.Workflows;

/// workflows/playbook.schema.json is written by hand; these fail when the definition classes grow a property the
/// schema does not describe (editors would flag valid files), or the schema names one the reader would reject.
public sealed class PlaybookSchemaMatchesModel
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "workflows", "playbook.schema.json"))).RootElement;

    /// Each definition class with the schema object that describes it, found from PlaybookDefinition by following
    /// each property's $ref into $defs.
    private static readonly List<(Type Type, JsonElement Schema)> Objects = Walk(typeof(PlaybookDefinition), Schema, []);

    [Fact]
    public void ReachesEveryDefinitionClass() =>
        Assert.Equal(
            [nameof(EdgeDefinition), nameof(ExitPolicy), nameof(NodeDefinition), nameof(PlaybookDefinition), nameof(ReenrollmentPolicy),
                nameof(RetryPolicy), nameof(TriggerDefinition)],
            Objects.Select(o => o.Type.Name).Order());

    [Fact]
    public void DescribesEveryPublicProperty()
    {
        var missing = Objects.SelectMany(o => Properties(o.Type).Where(p => !SchemaProperties(o.Schema).Contains(p)).Select(p => $"{o.Type.Name}.{p}"));

        Assert.Empty(missing);
    }

    [Fact]
    public void NamesNoPropertyTheModelLacks()
    {
        var extra = Objects.SelectMany(o => SchemaProperties(o.Schema).Where(p => !Properties(o.Type).Contains(p)).Select(p => $"{o.Type.Name}.{p}"));

        Assert.Empty(extra);
    }

    [Fact]
    public void RequiresExactlyTheRequiredMembers()
    {
        foreach (var (type, schema) in Objects)
        {
            var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).Order().ToList() : [];
            Assert.True(Required(type).SequenceEqual(required), $"{type.Name}: the schema requires [{string.Join(", ", required)}]," +
                $" the model [{string.Join(", ", Required(type))}]");
        }
    }

    [Fact]
    public void RejectsUnknownKeysLikeTheReader()
    {
        Assert.All(Objects, o => Assert.False(o.Schema.GetProperty("additionalProperties").GetBoolean(), $"{o.Type.Name} allows unknown keys"));
    }

    private static List<(Type, JsonElement)> Walk(Type type, JsonElement schema, List<(Type, JsonElement)> found)
    {
        if (found.Any(f => f.Item1 == type))
        {
            return found;
        }
        found.Add((type, schema));
        foreach (var property in Public(type))
        {
            var target = ModelType(property.PropertyType);
            if (target is not null && schema.GetProperty("properties").TryGetProperty(JsonName(property), out var described))
            {
                var reference = FindRef(described) ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no $ref to its $defs entry");
                Walk(target, Schema.GetProperty("$defs").GetProperty(reference["#/$defs/".Length..]), found);
            }
        }
        return found;
    }

    /// The definition class a property holds, itself or as list items; null for text, numbers, maps and JSON.
    private static Type? ModelType(Type type)
    {
        var item = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : Nullable.GetUnderlyingType(type) ?? type;
        return item.IsClass && item.Namespace == typeof(PlaybookDefinition).Namespace ? item : null;
    }

    /// The first $ref to an object definition inside a property's schema (directly, in items, or in a oneOf).
    private static string? FindRef(JsonElement schema) => schema.ValueKind switch
    {
        JsonValueKind.Object when schema.TryGetProperty("$ref", out var reference) &&
            Schema.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..]).TryGetProperty("properties", out _) => reference.GetString(),
        JsonValueKind.Object => schema.EnumerateObject().Select(p => FindRef(p.Value)).FirstOrDefault(r => r is not null),
        JsonValueKind.Array => schema.EnumerateArray().Select(FindRef).FirstOrDefault(r => r is not null),
        _ => null,
    };

    private static IEnumerable<PropertyInfo> Public(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always });

    private static List<string> Properties(Type type) => Public(type).Select(JsonName).ToList();

    private static List<string> SchemaProperties(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();

    /// C# required members, and a positional record's constructor parameters (the reader needs them all).
    private static List<string> Required(Type type)
    {
        var members = Public(type).Where(p => p.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(JsonName);
        var parameters = type.GetConstructors().Where(c => c.GetParameters().Length > 0 && c.GetParameters().All(p => p.ParameterType != type))
            .SelectMany(c => c.GetParameters()).Select(p => PlaybookJson.Options.PropertyNamingPolicy!.ConvertName(p.Name!));
        return members.Concat(parameters).Distinct().Order().ToList();
    }

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? PlaybookJson.Options.PropertyNamingPolicy!.ConvertName(property.Name);
}
