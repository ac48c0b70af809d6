using System.Text.Json;

namespace AccountPlaybooks.Application.Playbooks;

/// The playbooks folder as the API writes it, so that disk and database agree. A playbook's file is the one whose
/// "id" names it, whatever the file is called: a publish overwrites that file rather than adding a second one that
/// the watcher would publish over it.
public static class PlaybookFiles
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// Writes through a temporary file and a rename, so the watcher never reads half a file. Returns the file name,
    /// or null when there is no folder to write to.
    public static async Task<string?> WriteAsync(string folder, string id, string json, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }
        var path = Holding(folder, id).FirstOrDefault() ?? Path.Combine(folder, $"{id}.json");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, json, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return Path.GetFileName(path);
    }

    /// Removes a retracted playbook's file; left in place, the next start or save in the folder would publish it again.
    public static string? Delete(string folder, string id)
    {
        string? removed = null;
        foreach (var path in Holding(folder, id))
        {
            File.Delete(path);
            removed = Path.GetFileName(path);
        }
        return removed;
    }

    /// The file that holds a playbook, or null.
    public static string? Find(string folder, string id) => Holding(folder, id).FirstOrDefault();

    private static List<string> Holding(string folder, string id) => !Directory.Exists(folder)
        ? []
        : Directory.GetFiles(folder, "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Where(p => IdOf(p) == id).ToList();

    private static string? IdOf(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), Lenient);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) &&
                   id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException)
        {
            return null; // an unreadable file holds no playbook the API could overwrite
        }
    }
}
