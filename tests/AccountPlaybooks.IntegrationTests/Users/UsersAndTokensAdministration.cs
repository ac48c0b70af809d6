using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AccountPlaybooks.Domain.Users;
using AccountPlaybooks.IntegrationTests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Users;

/// The admin pages' API: roles change what a user may do at once, a disabled user is locked out everywhere, an API
/// token is shown once, stored hashed, records its use and stops working when revoked; other roles get 403.
public sealed class UsersAndTokensAdministration(SqliteApp app) : IClassFixture<SqliteApp>
{
    private HttpClient Admin => app.ClientAs(UserRole.Admin);

    private HttpClient WithToken(string token)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<(Guid Id, string? Token)> CreateAsync(string email, string role, string? password = null, bool issueToken = true,
        string? repId = null)
    {
        var created = await (await Admin.PostJsonAsync("/api/users", new { email, name = email.Split('@')[0], role, password, repId, issueToken }))
            .ReadAsync<JsonElement>();
        return (created.GetProperty("user").GetProperty("id").GetGuid(), created.GetProperty("token").GetString());
    }

    [Fact]
    public async Task ChangingARoleChangesWhatTheUserMayDoAtOnce()
    {
        var (id, token) = await CreateAsync("promoted@example.test", "Rep", repId: app.RepRepId);
        var user = WithToken(token!);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/team")).StatusCode);

        var changed = await (await Admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "Manager", repId = app.ManagerRepId }, Api.Json))
            .ReadAsync<JsonElement>();

        Assert.Equal(("Manager", app.ManagerRepId, "Mia Manager"), (changed.GetProperty("role").GetString(), changed.GetProperty("repId").GetString(),
            changed.GetProperty("repName").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/team")).StatusCode);
    }

    [Fact]
    public async Task RefusesAnAdminTheirOwnDemotionAndDisabling()
    {
        var me = (await (await Admin.GetAsync("/api/users")).ReadAsync<List<JsonElement>>())
            .Single(u => u.GetProperty("email").GetString() == "admin@example.test").GetProperty("id").GetGuid();

        var demote = await (await Admin.PutAsJsonAsync($"/api/users/{me}/role", new { role = "Ops" }, Api.Json)).ProblemAsync(409);
        var disable = await (await Admin.PostAsync($"/api/users/{me}/disable", null)).ProblemAsync(409);
        var unknown = await (await Admin.PostAsync($"/api/users/{Guid.NewGuid()}/disable", null)).ProblemAsync(404);
        var badRole = await (await Admin.PutAsJsonAsync($"/api/users/{me}/role", new { role = "Owner" }, Api.Json)).ProblemAsync(400);

        Assert.Equal("You cannot remove your own admin role", demote.GetProperty("title").GetString());
        Assert.Equal("You cannot disable yourself", disable.GetProperty("title").GetString());
        Assert.Equal("There is no such user", unknown.GetProperty("title").GetString());
        Assert.Contains("$.role", badRole.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(UserRole.Rep)]
    [InlineData(UserRole.Manager)]
    [InlineData(UserRole.Ops)]
    public async Task Answers403ToEveryRoleButAdmin(UserRole role)
    {
        var client = app.ClientAs(role);
        var anyone = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/users/{anyone}/role", new { role = "Admin" }, Api.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{anyone}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("/api/tokens", new { userId = anyone, name = "mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/tokens/{anyone}/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task IssuesATokenShownOnceStoredHashedThatStopsWorkingWhenRevoked()
    {
        var (userId, _) = await CreateAsync("integration@example.test", "Ops", password: "a long enough password", issueToken: false);

        var issued = await (await Admin.PostJsonAsync("/api/tokens", new { userId, name = "CRM sync", expiresInDays = 90 })).ReadAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        var tokenId = issued.GetProperty("details").GetProperty("id").GetGuid();

        Assert.StartsWith("ap_", token);
        Assert.Equal(token[..8], issued.GetProperty("details").GetProperty("prefix").GetString());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddDays(90), issued.GetProperty("details").GetProperty("expiresAt").GetDateTime());
        Assert.Equal(HttpStatusCode.OK, (await WithToken(token).GetAsync("/api/accounts")).StatusCode);
        var listed = await (await Admin.GetAsync("/api/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, listed);
        Assert.DoesNotContain(token, await (await Admin.GetAsync("/api/users")).Content.ReadAsStringAsync());
        var row = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == tokenId);
        Assert.Equal(("CRM sync", "integration@example.test", "active"), (row.GetProperty("name").GetString(), row.GetProperty("userEmail").GetString(),
            row.GetProperty("status").GetString()));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, row.GetProperty("lastUsedAt").GetDateTime());
        var stored = await app.WithDbAsync(db => db.ApiTokens.SingleAsync(t => t.Id == tokenId));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);

        var revoked = await (await Admin.PostAsync($"/api/tokens/{tokenId}/revoke", null)).ReadAsync<JsonElement>();

        Assert.Equal("revoked", revoked.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/accounts")).StatusCode);
        await (await Admin.PostAsync($"/api/tokens/{tokenId}/revoke", null)).ReadAsync<JsonElement>(); // twice changes nothing
        await (await Admin.PostAsync($"/api/tokens/{Guid.NewGuid()}/revoke", null)).ProblemAsync(404);
        var nameless = await (await Admin.PostJsonAsync("/api/tokens", new { userId, name = " " })).ProblemAsync(400);
        Assert.True(nameless.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task ADisabledUserIsLockedOutOfTokensSignInAndTheirOpenSession()
    {
        var (id, token) = await CreateAsync("leaver@example.test", "Ops", password: "correct horse battery");
        var session = app.AnonymousClient();
        (await session.PostJsonAsync("/api/auth/login", new { email = "leaver@example.test", password = "correct horse battery" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/accounts")).StatusCode);

        var disabled = await (await Admin.PostAsync($"/api/users/{id}/disable", null)).ReadAsync<JsonElement>();

        Assert.NotEqual(JsonValueKind.Null, disabled.GetProperty("disabledAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token!).GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/accounts")).StatusCode);
        var login = await (await app.AnonymousClient().PostJsonAsync("/api/auth/login", new { email = "leaver@example.test", password = "correct horse battery" }))
            .ProblemAsync(403);
        Assert.Equal("This user is disabled", login.GetProperty("title").GetString());

        await (await Admin.PostAsync($"/api/users/{id}/enable", null)).ReadAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, (await WithToken(token!).GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task ASessionAndATokenTakeAChangedRoleAtOnce()
    {
        var (id, token) = await CreateAsync("mover@example.test", "Ops", password: "correct horse battery");
        var session = app.AnonymousClient();
        (await session.PostJsonAsync("/api/auth/login", new { email = "mover@example.test", password = "correct horse battery" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await WithToken(token!).GetAsync("/api/users")).StatusCode); // the token's user is remembered now

        await (await Admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "Admin" }, Api.Json)).ReadAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(token!).GetAsync("/api/users")).StatusCode);
        Assert.Equal("admin", (await (await session.GetAsync("/api/auth/me")).ReadAsync<JsonElement>()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task RefusesAUserWhoCouldNeverSignIn()
    {
        var problem = await (await Admin.PostJsonAsync("/api/users", new { email = "ghost@example.test", name = "Ghost", role = "Ops", issueToken = false }))
            .ProblemAsync(400);

        Assert.Contains("give a password or ask for an API token", problem.GetProperty("errors").GetProperty("password")[0].GetString());
    }
}
