using System.Net.Http.Headers;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AccountPlaybooks.IntegrationTests.Fixtures;

/// The one fixture that owns the running app: the real server on a throwaway database, with a user per role.
public abstract class AppFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private WebApplicationFactory<Program>? _factory;
    private readonly Dictionary<UserRole, string> _tokens = [];

    public TestDatabase Database { get; private set; } = null!;

    /// This fixture's own copy of rules/, which its tests may edit (hot reload is on).
    public string RulesFolder { get; } = RepoPaths.CopyOfRules();

    /// This fixture's own copy of templates/, which its tests may edit (hot reload is on).
    public string TemplatesFolder { get; } = RepoPaths.CopyOfTemplates();

    /// This fixture's own playbooks folder, empty at start (hot reload is on).
    public string PlaybooksFolder { get; } = Directory.CreateTempSubdirectory("accountplaybooks-workflows-").FullName;
    public FakeTimeProvider Clock { get; } = new(Start);
    public WebApplicationFactory<Program> Factory => _factory!;
    public string ManagerRepId => "rep-mia-manager";
    public string RepRepId => "rep-ravi-ae";

    /// Extra settings a derived fixture wants (demo mode, small limits).
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// Services a derived fixture adds or replaces (a log sink to read, a test double).
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        var logFolder = Directory.CreateTempSubdirectory("accountplaybooks-logs-").FullName;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.UseSetting("Database:Provider", provider.ToString());
            web.UseSetting("Database:ConnectionString", Database.ConnectionString);
            web.UseSetting("Logging:Folder", logFolder);
            web.UseSetting("Scheduling:Enabled", "false"); // tests of the scheduler turn it on in Settings
            web.UseSetting("Rules:Folder", RulesFolder);
            web.UseSetting("Rules:DebounceMilliseconds", "150");
            web.UseSetting("Templates:Folder", TemplatesFolder);
            web.UseSetting("Playbooks:Folder", PlaybooksFolder);
            web.UseSetting("Playbooks:DebounceMilliseconds", "150");
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                ConfigureServices(services);
            });
        });
        _ = _factory.Server; // starts the host: migrations, demo seeding
        await SeedUsersAsync();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    /// A client signed in with the token of a user of that role.
    public HttpClient ClientAs(UserRole role)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens[role]);
        return client;
    }

    /// A client as the Studio is one: no token yet, and the CSRF header the Studio's API client sends (docs/adr/0023).
    public HttpClient AnonymousClient()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Requested-With", "AccountPlaybooks");
        return client;
    }

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task SeedUsersAsync()
    {
        await WithDbAsync(async db =>
        {
            if (db.Reps.Any(r => r.Id == ManagerRepId))
            {
                return;
            }
            db.Reps.Add(new Rep { Id = ManagerRepId, Email = "mia@example.test", Name = "Mia Manager", Role = RepRole.Manager, Team = "East" });
            db.Reps.Add(new Rep { Id = RepRepId, Email = "ravi@example.test", Name = "Ravi AE", Role = RepRole.AE, Team = "East", ManagerId = ManagerRepId });
            await db.SaveChangesAsync();
        });
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        foreach (var role in Enum.GetValues<UserRole>())
        {
            var repId = role switch { UserRole.Manager => ManagerRepId, UserRole.Rep => RepRepId, _ => null };
            var created = await users.AddAsync(new NewUser($"{role}@example.test".ToLowerInvariant(), $"Test {role}", role,
                "correct horse battery", repId));
            _tokens[role] = created.Token!; // a first token is issued unless asked not to
        }
    }
}
