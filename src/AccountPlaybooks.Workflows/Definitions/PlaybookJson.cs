using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccountPlaybooks.Workflows.Definitions;

/// <summary>The one JSON shape of definitions: camelCase, unknown keys are errors, comments allowed.</summary>
public static class PlaybookJson
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

    /// <summary>Reads a definition, or says why it cannot (with the JSON path).</summary>
    public static (PlaybookDefinition? Definition, string? Error) Read(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<PlaybookDefinition>(json, Options), null);
        }
        catch (JsonException exception)
        {
            return (null, $"line {exception.LineNumber + 1}: {exception.Message.Split(". ")[0]} (at {exception.Path ?? "$"})");
        }
    }

    /// <summary>Writes a definition as the file format.</summary>
    public static string Write(PlaybookDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
