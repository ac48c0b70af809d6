namespace AccountPlaybooks.Application.Rules;

/// Reads and writes a rules folder: rule files are its *.json, golden cases its tests/*.json.
public static class RulesFolder
{
    public const string TestsFolder = "tests";

    public static (List<RuleFile> Rules, List<RuleFile> Cases) Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the rules folder '{Path.GetFullPath(folder)}' does not exist");
        }
        var rules = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => new RuleFile(Path.GetFileName(path), File.ReadAllText(path))).ToList();
        var tests = Path.Combine(folder, TestsFolder);
        var cases = Directory.Exists(tests)
            ? Directory.GetFiles(tests, "*.json").Order(StringComparer.Ordinal)
                .Select(path => new RuleFile($"{TestsFolder}/{Path.GetFileName(path)}", File.ReadAllText(path))).ToList()
            : [];
        return (rules, cases);
    }

    /// Writes through a temporary file and a rename, so the watcher never reads half a file.
    public static async Task WriteAsync(string folder, RuleFile file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, file.Name);
        var temporary = Path.Combine(folder, $".{file.Name}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, file.Content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    /// A rule file name from the API: "scoring" or "scoring.json", never a path.
    public static string? FileName(string name)
    {
        var file = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name : name + ".json";
        return file.Length > 5 && file.Length <= 100 && file.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') && !file.StartsWith('.')
            ? file
            : null;
    }
}
