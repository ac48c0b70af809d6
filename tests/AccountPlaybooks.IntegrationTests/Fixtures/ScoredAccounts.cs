using System.Text.Json;
using AccountPlaybooks.Domain.Users;

namespace AccountPlaybooks.IntegrationTests.Fixtures;

/// Accounts whose scores under the default rules are known (see rules/tests/default-model.json).
public static class ScoredAccounts
{
    /// Fit 85, Technographic 50 each. With no signals: composite 35.5, Tier 3 (fit-2, fit-3).
    public const string GoodFitCsv = "id,name,domain,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
                                     "fit-1,Good Fit One,goodfit1.com,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n" +
                                     "fit-2,Good Fit Two,goodfit2.com,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n" +
                                     "fit-3,Good Fit Three,goodfit3.com,Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n";

    /// fit-1 also visited pricing twice and replied: Engagement 60, composite 50.5, Tier 2 (Tier 1 from 50 up).
    public static async Task ImportAsync(AppFixture app)
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", GoodFitCsv)).ReadAsync<Api.ImportResult>();
        var day = TimeSpan.FromDays(1);
        await (await ops.PostJsonAsync("/api/signals?wait=30", new object[]
        {
            new { id = "fit-1-pricing-1", accountId = "fit-1", type = "page_visit", occurredAt = AppFixture.Start - day, properties = new { page = "/pricing", contact = "a@goodfit1.com" } },
            new { id = "fit-1-pricing-2", accountId = "fit-1", type = "page_visit", occurredAt = AppFixture.Start - 2 * day, properties = new { page = "/pricing", contact = "b@goodfit1.com" } },
            new { id = "fit-1-reply", accountId = "fit-1", type = "email_reply", occurredAt = AppFixture.Start - 3 * day, properties = new { contact = "a@goodfit1.com" } },
        })).ReadAsync<Api.ImportResult>();
    }

    /// One account that lands in Tier 2 (composite 50.5: good fit, two pricing visits and a reply, all in the last days).
    public static async Task EnterTier2Async(AppFixture app, string id)
    {
        var ops = app.ClientAs(UserRole.Ops);
        await (await ops.PostCsvAsync("/api/accounts", "id,name,industry,employees,annualRevenue,region,fundingStage,techStack\n" +
            $"{id},Account {id},Fintech,300,30000000,EMEA,Bootstrapped,HubSpot\n")).ReadAsync<Api.ImportResult>();
        var now = app.Clock.GetUtcNow();
        var day = TimeSpan.FromDays(1);
        await (await ops.PostJsonAsync("/api/signals?wait=30", new object[]
        {
            new { id = $"{id}-p1", accountId = id, type = "page_visit", occurredAt = now - day, properties = new { page = "/pricing" } },
            new { id = $"{id}-p2", accountId = id, type = "page_visit", occurredAt = now - 2 * day, properties = new { page = "/pricing" } },
            new { id = $"{id}-r0", accountId = id, type = "email_reply", occurredAt = now - 3 * day },
        })).ReadAsync<Api.ImportResult>();
    }

    /// The Tier 1 threshold lowered from 80 to 50: fit-1 moves up, the golden cases still pass.
    public static string LowerTier1Threshold(string tiersJson) => tiersJson.Replace("\"score.Composite >= 80\"", "\"score.Composite >= 50\"");

    public static async Task<JsonElement> DetailAsync(AppFixture app, string id) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Rep).GetStringAsync($"/api/accounts/{id}")).RootElement;

    public static async Task<string?> TierAsync(AppFixture app, string id) =>
        (await DetailAsync(app, id)).GetProperty("score") is { ValueKind: JsonValueKind.Object } score ? score.GetProperty("tier").GetString() : null;

    public static async Task<string> LiveVersionAsync(AppFixture app) =>
        JsonDocument.Parse(await app.ClientAs(UserRole.Ops).GetStringAsync("/api/rules")).RootElement.GetProperty("activeVersion").GetString()!;
}
