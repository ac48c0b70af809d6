using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>The one JSON shape of definitions: camelCase, unknown keys are errors, comments allowed.</summary>
public static partial class PlaybookJson
{
    /// <summary>Options for reading and writing definitions and instance state.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a definition, or says why it cannot (with the line and JSON path).</summary>
    public static (PlaybookDefinition? Definition, string? Error) Read(string json)
    {
        PlaybookDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<PlaybookDefinition>(json, Options);
        }
        catch (JsonException exception)
        {
            var message = UnknownKey().Replace(exception.Message.Split(". ")[0], "unknown key '$1'");
            return (null, $"line {exception.LineNumber + 1}: {message} (at {exception.Path ?? "$"})");
        }
        return definition is null ? (null, "the file holds no playbook (null)") : ShapeProblem(definition) is { } problem ? (null, problem) : (definition, null);
    }

    /// <summary>Explicit nulls and half-written edges would reach the validator and runner as nulls; they are read errors.</summary>
    private static string? ShapeProblem(PlaybookDefinition d)
    {
        if (d.Nodes is null || d.Edges is null || d.Triggers is null || d.Exit is null || d.Reenrollment is null || d.Variables is null)
        {
            return "nodes, edges, triggers, exit, reenrollment and variables cannot be null (leave a key out instead)";
        }
        if (d.Nodes.FindIndex(n => n is null || n.Id is null || n.Type is null || n.Inputs is null) is var node and >= 0)
        {
            return $"nodes[{node}] needs an \"id\" and a \"type\", and its inputs cannot be null";
        }
        if (d.Edges.FindIndex(e => e is null || e.From is null || e.Port is null || e.To is null) is var edge and >= 0)
        {
            return $"edges[{edge}] needs \"from\", \"port\" and \"to\"";
        }
        if (d.Triggers.FindIndex(t => t is null || t.Type is null || t.SignalTypes is null || t.Filter is null || t.Tiers is null) is var trigger and >= 0)
        {
            return $"triggers[{trigger}] needs a \"type\", and its lists cannot be null";
        }
        return d.Exit.OnSignals is null ? "exit.onSignals cannot be null" : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("The JSON property '([^']*)' could not be mapped to any \\.NET member contained in type '[^']*'")]
    private static partial System.Text.RegularExpressions.Regex UnknownKey();

    /// <summary>Writes a definition as the file format.</summary>
    public static string Write(PlaybookDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
