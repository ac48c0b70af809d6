using System.Reflection;
using System.Text.Json;
using System.Xml;
using AccountPlaybooks.Workflows.Definitions;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Turns a node's JSON inputs into the activity's typed properties, and says in plain words what is wrong
/// with an input; validation and execution use the same code.</summary>
public static class InputBinder
{
    /// <summary>Parses an ISO-8601 duration (P1D, PT24H, P2DT3H).</summary>
    public static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        // Months and years have no fixed length: "P1M" would silently mean 30 days.
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P') || text.Split('T')[0].IndexOfAny(['Y', 'M']) >= 0)
        {
            return false;
        }
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Problems with a node's inputs against its descriptor: unknown names, missing required ones, wrong types.</summary>
    public static IEnumerable<(string Input, string Message)> Check(ActivityDescriptor descriptor, NodeDefinition node)
    {
        foreach (var name in node.Inputs.Keys.Where(n => descriptor.Inputs.All(i => i.Name != n)))
        {
            var names = descriptor.Inputs.Select(i => i.Name).ToList();
            yield return (name, names.Count == 0
                ? $"{descriptor.Type} has no inputs"
                : $"{descriptor.Type} has no input \"{name}\"; its inputs are {string.Join(", ", names)}");
        }
        foreach (var input in descriptor.Inputs)
        {
            if (!node.Inputs.TryGetValue(input.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (input.Required)
                {
                    yield return (input.Name, $"{input.Name} is required ({input.Description})");
                }
                continue;
            }
            if (Convert(input, value, out _) is { } problem)
            {
                yield return (input.Name, problem);
            }
        }
    }

    /// <summary>A new activity object: the services it declares (<see cref="ActivityDescriptor.Needs"/>) from the
    /// host, its inputs from the node.</summary>
    public static Activity Bind(ActivityDescriptor descriptor, NodeDefinition node, IServiceProvider services)
    {
        var needs = descriptor.Needs.Select(type => services.GetService(type)
            ?? throw new InvalidOperationException(ActivityRegistry.Unmet(descriptor, type))).ToArray();
        var activity = (Activity)Activator.CreateInstance(descriptor.ClrType!, needs)!;
        foreach (var property in descriptor.ClrType!.GetProperties().Where(p => p.GetCustomAttribute<InputAttribute>() is not null))
        {
            var input = descriptor.Inputs.Single(i => i.Name == ActivityRegistry.JsonName(property.Name));
            JsonElement? value = node.Inputs.TryGetValue(input.Name, out var given) && given.ValueKind != JsonValueKind.Null
                ? given
                : input.Default is { } fallback ? JsonDocument.Parse(fallback).RootElement : null;
            if (value is { } json && Convert(input, json, out var converted) is null)
            {
                property.SetValue(activity, converted);
            }
        }
        return activity;
    }

    private static string? Convert(InputDescriptor input, JsonElement value, out object? converted)
    {
        converted = null;
        switch (input.Kind)
        {
            case InputKind.Number when value.ValueKind == JsonValueKind.Number:
                converted = value.GetDouble();
                return null;
            case InputKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                converted = value.GetBoolean();
                return null;
            case InputKind.Duration when value.ValueKind == JsonValueKind.String:
                converted = value.GetString();
                return TryParseDuration(value.GetString(), out _)
                    ? null
                    : $"'{value.GetString()}' is not an ISO-8601 duration (e.g. PT24H, P3D, P1DT12H)";
            case InputKind.Choice when value.ValueKind == JsonValueKind.String:
                converted = value.GetString();
                return input.Options.Contains(value.GetString())
                    ? null
                    : $"'{value.GetString()}' is not one of {string.Join(", ", input.Options)}";
            case InputKind.TextList when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                converted = value.EnumerateArray().Select(v => v.GetString()!).ToList();
                return null;
            case InputKind.Map when value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String):
                converted = value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
                return null;
            case InputKind.Text or InputKind.Expression or InputKind.Template when value.ValueKind == JsonValueKind.String:
                converted = value.GetString();
                return string.IsNullOrWhiteSpace(value.GetString()) ? $"{input.Name} is empty" : null;
            default:
                return $"{input.Name} must be {Expected(input.Kind)}, not {value.ValueKind.ToString().ToLowerInvariant()}";
        }
    }

    private static string Expected(InputKind kind) => kind switch
    {
        InputKind.Number => "a number",
        InputKind.Boolean => "true or false",
        InputKind.TextList => "a list of texts",
        InputKind.Map => "an object of texts",
        _ => "text",
    };
}
