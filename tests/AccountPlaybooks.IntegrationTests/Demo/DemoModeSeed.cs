using System.Net.Http.Headers;
using System.Text.Json;
using AccountPlaybooks.Application.Demo;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.IntegrationTests.Demo;

public sealed class DemoModeSeed(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task SeedsTheDocumentedDemoDataSet()
    {
        var counts = await app.WithDbAsync(async db => (
            await db.Accounts.CountAsync(), await db.Signals.CountAsync(s => s.Id.StartsWith("demo-sig-")), await db.Reps.CountAsync(r => r.Email.EndsWith(DemoUsers.EmailDomain))));

        Assert.Equal((2000, 20000, 8), counts);
        Assert.True(await app.WithDbAsync(db => db.Signals.CountAsync(s => s.Id.StartsWith("demo-cus-"))) > 0, "the customers have usage and support signals");
    }

    [Theory]
    [InlineData("demo-admin-token")]
    [InlineData("demo-rep-token")]
    public async Task ListsAccountsGivenDocumentedDemoToken(string token)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var page = JsonDocument.Parse(await client.GetStringAsync("/api/accounts?pageSize=5")).RootElement;

        Assert.Equal(2000, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task LinksTheDemoRepLoginToAnAeWithOwnedAccounts()
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "demo-rep-token");

        var reps = JsonDocument.Parse(await client.GetStringAsync("/api/reps")).RootElement;
        var mine = JsonDocument.Parse(await client.GetStringAsync("/api/accounts?owner=me")).RootElement;

        Assert.Equal("AE", Assert.Single(reps.EnumerateArray()).GetProperty("role").GetString());
        Assert.True(mine.GetProperty("total").GetInt32() > 0);
    }
}
