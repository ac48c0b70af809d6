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

    /// The folder's rules with one file replaced by a draft (or added), and the folder's golden cases.
    public static (List<RuleFile> Rules, List<RuleFile> Cases) WithDraft(string folder, RuleFile draft)
    {
        var (rules, cases) = Read(folder);
        rules.RemoveAll(f => f.Name == draft.Name);
        rules.Add(draft);
        return (rules.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(), cases);
    }

    /// Writes through a temporary file and a rename, so the watcher never reads half a file. A file in tests/ may be
    /// written too ("tests/x.json"). Without <paramref name="overwrite"/> an existing file is left alone and the
    /// answer is false (the rename refuses, so two writers cannot both win).
    public static async Task<bool> WriteAsync(string folder, RuleFile file, CancellationToken cancellationToken, bool overwrite = true)
    {
        var path = Path.Combine(folder, file.Name);
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, file.Content, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    /// A golden case file's name in tests/ from the API: "acme" or "acme.json" → "tests/acme.json", never a path.
    public static string? CaseFileName(string name) => FileName(name.StartsWith(TestsFolder + "/", StringComparison.Ordinal)
        ? name[(TestsFolder.Length + 1)..]
        : name) is { } file ? $"{TestsFolder}/{file}" : null;

    /// A rule file name from the API: "scoring" or "scoring.json", never a path.
    public static string? FileName(string name)
    {
        var file = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name : name + ".json";
        return file.Length > 5 && file.Length <= 100 && file.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') && !file.StartsWith('.')
            ? file
            : null;
    }
}
