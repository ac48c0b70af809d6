namespace AccountPlaybooks.Application.Outreach;

/// Reads and writes a templates folder: each *.sbn file is one template, named after the file without ".sbn".
public static class TemplatesFolder
{
    public const string Extension = ".sbn";

    /// Template name → text, in name order.
    public static SortedDictionary<string, string> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the templates folder '{Path.GetFullPath(folder)}' does not exist");
        }
        var templates = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder, "*" + Extension))
        {
            if (NameOf(Path.GetFileName(path)) is { } name)
            {
                templates[name] = File.ReadAllText(path);
            }
        }
        return templates;
    }

    /// Writes through a temporary file and a rename, so the watcher never reads half a file.
    public static async Task WriteAsync(string folder, string name, string text, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, Path.Combine(folder, FileOf(name)), overwrite: true);
    }

    public static string FileOf(string name) => name + Extension;

    /// A template name from a file name or the API: "escalation" or "escalation.sbn", never a path.
    public static string? NameOf(string nameOrFile)
    {
        var name = nameOrFile.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) ? nameOrFile[..^Extension.Length] : nameOrFile;
        return name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? name : null;
    }
}
