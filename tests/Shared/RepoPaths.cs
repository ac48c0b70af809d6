namespace AccountPlaybooks.Tests;

/// Where the repository's content folders are, found from the test binaries upwards.
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    /// A private copy of rules/ that a test may edit.
    public static string CopyOfRules()
    {
        var copy = Directory.CreateTempSubdirectory("accountplaybooks-rules-").FullName;
        foreach (var file in Directory.GetFiles(Rules, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Rules, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public static string Templates => Path.Combine(Root, "templates");

    /// A private copy of templates/ that a test may edit.
    public static string CopyOfTemplates()
    {
        var copy = Directory.CreateTempSubdirectory("accountplaybooks-templates-").FullName;
        foreach (var file in Directory.GetFiles(Templates, "*.sbn"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    public static string Workflows => Path.Combine(Root, "workflows");

    /// A private copy of the shipped playbooks (workflows/*.json) that a test may edit.
    public static string CopyOfWorkflows()
    {
        var copy = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Workflows, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AccountPlaybooks.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("AccountPlaybooks.sln not found above " + AppContext.BaseDirectory);
    }
}
