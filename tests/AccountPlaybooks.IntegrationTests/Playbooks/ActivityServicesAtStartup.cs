using AccountPlaybooks.Application.Tasks;
using AccountPlaybooks.Data;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AccountPlaybooks.IntegrationTests.Playbooks;

/// The real server refuses to start when a service an activity declares is not registered, and says which activity
/// needs which service — rather than starting and failing every playbook that reaches a task (ADR 0032).
public sealed class ActivityServicesAtStartup
{
    [Fact]
    public async Task AServerMissingAServiceAnActivityNeedsDoesNotStartAndNamesBoth()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var logs = Directory.CreateTempSubdirectory("accountplaybooks-logs-").FullName;
        // Not disposed: a host that failed to start has nothing to stop (and the factory's dispose throws on it).
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            web.UseSetting("Database:ConnectionString", database.ConnectionString);
            web.UseSetting("Logging:Folder", logs);
            web.UseSetting("Scheduling:Enabled", "false");
            web.UseSetting("Rules:Folder", RepoPaths.CopyOfRules());
            web.UseSetting("Templates:Folder", RepoPaths.CopyOfTemplates());
            web.UseSetting("Playbooks:Folder", Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName);
            web.ConfigureServices(services => services.RemoveAll<TaskDesk>());
        });

        Assert.ThrowsAny<Exception>(() => factory.Server);
        var log = string.Concat(Directory.GetFiles(logs, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Contains("AccountPlaybooks failed to start", log);
        Assert.Contains("activity CreateTask needs TaskDesk, which the host does not offer", log);
    }
}
