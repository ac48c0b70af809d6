using System.Net;
using System.Net.Http.Json;
using AccountPlaybooks.Application.Demo;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Auth;

public sealed class ApiAuthorization(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/api/accounts")]
    [InlineData("/api/reps")]
    [InlineData("/api/users")]
    [InlineData("/api/signals?accountId=x")]
    public async Task Answers401GivenNoToken(string url)
    {
        var response = await app.AnonymousClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Answers401GivenUnknownToken()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ap_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts")).StatusCode);
    }

    [Theory]
    [InlineData(UserRole.Rep, "/api/users")]
    [InlineData(UserRole.Manager, "/api/users")]
    [InlineData(UserRole.Ops, "/api/users")]
    public async Task Answers403GivenRoleWithoutAccess(UserRole role, string url)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientAs(role).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Answers403GivenRepImportingAccounts()
    {
        var response = await app.ClientAs(UserRole.Rep).PostCsvAsync("/api/accounts", "id,name\nx,X\n");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ShowsRepOnlyTheirOwnRepRecord()
    {
        var rep = app.ClientAs(UserRole.Rep);

        var visible = await (await rep.GetAsync("/api/reps")).ReadAsync<List<RepRow>>();

        Assert.Equal([app.RepRepId], visible.Select(r => r.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync($"/api/reps/{app.ManagerRepId}")).StatusCode);
        var managerView = await (await app.ClientAs(UserRole.Manager).GetAsync("/api/reps")).ReadAsync<List<RepRow>>();
        Assert.Contains(managerView, r => r.Id == app.ManagerRepId);
    }

    [Fact]
    public async Task SignsInWithCookieAndNeverStoresTokensInClear()
    {
        var client = app.AnonymousClient();

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "ADMIN@example.test", password = "correct horse battery" });
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<MeRow>();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("admin", me.Role);
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@example.test", password = "wrong password!" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var users = await (await app.ClientAs(UserRole.Admin).GetAsync("/api/users")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("tokenHash", users, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passwordHash", users, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SessionSaysWhoIsSignedInAndIsNoErrorWhenNobodyIs()
    {
        var client = app.AnonymousClient();

        var before = await client.GetAsync("/api/auth/session");
        await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@example.test", password = "correct horse battery" });
        var after = await (await client.GetAsync("/api/auth/session")).ReadAsync<SessionRow>();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Null((await before.ReadAsync<SessionRow>()).User);
        Assert.Equal("admin", after.User?.Role);
    }

    private sealed record SessionRow(MeRow? User);

    [Fact]
    public async Task RefusesDemoTokenOutsideDemoMode()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .AddAsync(new NewUser($"intruder@{DemoUsers.EmailDomain}", "Demo", UserRole.Admin, null), "demo-test-token");
        }
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "demo-test-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task CreatesUserWhoseTokenWorksOnceShown()
    {
        var response = await app.ClientAs(UserRole.Admin).PostAsJsonAsync("/api/users",
            new { email = "new.ops@example.test", name = "New Ops", role = "Ops" }, Api.Json);
        var created = await response.ReadAsync<CreatedRow>();
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", created.Token);

        Assert.StartsWith("ap_", created.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/users")).StatusCode);
    }

    private sealed record RepRow(string Id);

    private sealed record MeRow(string Email, string Role);

    private sealed record CreatedRow(string Token);
}
