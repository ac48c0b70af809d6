using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.IntegrationTests.Tasks;

/// The app with the repository's own default playbooks (a copy of workflows/).
public abstract class DefaultContentApp(DatabaseProvider provider) : AppFixture(provider)
{
    public string Workflows { get; } = CopyOfWorkflows();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Playbooks:Folder"] = Workflows,
    };

    private static string CopyOfWorkflows()
    {
        var copy = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "workflows")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }
}

public sealed class DefaultContentOnSqlite() : DefaultContentApp(DatabaseProvider.Sqlite);

public sealed class DefaultContentOnPostgres() : DefaultContentApp(DatabaseProvider.Postgres);
