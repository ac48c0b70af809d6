using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AccountPlaybooks.BrowserTests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace AccountPlaybooks.BrowserTests.TierReview;

/// Review mode (the server holds score-driven demotions out of Tier 2): a manager opens the tier review, reads the
/// evidence of a held demotion, writes a note and approves it; the account moves to Tier 3 with its cause and the
/// approver in its tier history.
public sealed class ManagerApprovesAProposal(ServerProcess server, Chromium chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public async Task ManagerApprovesAHeldDemotionFromTheTierReviewPage()
    {
        var (id, name) = await HeldDemotionAsync();

        await LoginAsync("manager");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Tier review" }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tier review", Exact = true })).ToBeVisibleAsync();
        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Tier proposals" });
        var row = table.GetByRole(AriaRole.Row, new() { Name = $"{name}: Tier2 to Tier3" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("demotion", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByText("Everyone", new() { Exact = true })).ToBeVisibleAsync(); // the cause rule
        await Assertions.Expect(row.GetByText("35.5")).ToBeVisibleAsync(); // the evidence: the composite now
        await ScreenshotAsync("tier-review-pending");

        await Page.GetByLabel("Note with the decision").FillAsync("Q4 review: engagement gone");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Tier review recorded: 1 approved")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0); // no longer pending
        await Assertions.Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Recent reviews" }).GetByText(new Regex("Q4 review: engagement gone")))
            .ToBeVisibleAsync();
        await ScreenshotAsync("tier-review-approved");

        // The account record's tier history shows the move with its cause and the approver.
        await Page.GotoAsync($"/accounts/{id}");
        var history = Page.GetByRole(AriaRole.Region, new() { Name = "Tier history" });
        await Assertions.Expect(history.GetByText(new Regex("approved in the tier review by manager@demo.accountplaybooks.test"))).ToBeVisibleAsync();
        await Assertions.Expect(history.GetByText("Everyone", new() { Exact = true }).First).ToBeVisibleAsync();
        await ScreenshotAsync("account-tier-history-approved");
        using var admin = ApiWith("demo-admin-token");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"api/accounts/{id}");
        Assert.Equal("Tier3", detail.GetProperty("score").GetProperty("tier").GetString());
        var change = detail.GetProperty("tierHistory")[0];
        Assert.Equal(("Tier2", "Tier3", "score", "manager@demo.accountplaybooks.test"), (change.GetProperty("fromTier").GetString(),
            change.GetProperty("toTier").GetString(), change.GetProperty("kind").GetString(), change.GetProperty("approvedBy").GetString()));
    }

    /// A new account in Tier 2 (two pricing visits and a reply), whose signals and time in tier are then moved 40 days
    /// back in the server's database — the way only 40 days' wait would age them — and a quiet visit re-evaluates it:
    /// the rules demote it, and review mode holds the demotion as a proposal.
    private async Task<(string Id, string Name)> HeldDemotionAsync()
    {
        var id = $"browser-review-{Guid.NewGuid():N}"[..24];
        var name = $"Review Fintech {id[^6..]}";
        using var ops = ApiWith("demo-ops-token");
        var csv = "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" + $"{id},{name},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n";
        (await ops.PostAsync("api/accounts", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        var now = DateTime.UtcNow;
        object Signal(string suffix, string type, int daysAgo, string? page) => new
        {
            id = $"{id}-{suffix}", accountId = id, type, occurredAt = now.AddDays(-daysAgo), source = "browser-test",
            properties = page is null ? null : new { page },
        };
        (await ops.PostAsJsonAsync("api/signals?wait=30", new[] { Signal("p1", "page_visit", 1, "/pricing"), Signal("p2", "page_visit", 2, "/pricing"),
            Signal("r0", "email_reply", 3, null) })).EnsureSuccessStatusCode();
        Assert.Equal("Tier2", (await ops.GetFromJsonAsync<JsonElement>($"api/accounts/{id}")).GetProperty("score").GetProperty("tier").GetString());

        await using (var connection = new SqliteConnection($"Data Source={Server.DatabaseFile};Default Timeout=30"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE Signals SET OccurredAt = $p1 WHERE Id = $id || '-p1';
                UPDATE Signals SET OccurredAt = $p2 WHERE Id = $id || '-p2';
                UPDATE Signals SET OccurredAt = $r0 WHERE Id = $id || '-r0';
                UPDATE AccountScores SET TierSince = $since WHERE AccountId = $id;
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$p1", now.AddDays(-41));
            command.Parameters.AddWithValue("$p2", now.AddDays(-42));
            command.Parameters.AddWithValue("$r0", now.AddDays(-43));
            command.Parameters.AddWithValue("$since", now.AddDays(-40));
            Assert.Equal(4, await command.ExecuteNonQueryAsync());
        }
        (await ops.PostAsJsonAsync("api/signals?wait=30", new[] { Signal("blog", "page_visit", 0, "/blog") })).EnsureSuccessStatusCode();

        var proposals = await ops.GetFromJsonAsync<JsonElement>("api/tier-review/proposals?fromTier=Tier2&pageSize=500");
        Assert.Contains(proposals.GetProperty("items").EnumerateArray(), p => p.GetProperty("accountId").GetString() == id);
        return (id, name);
    }
}
