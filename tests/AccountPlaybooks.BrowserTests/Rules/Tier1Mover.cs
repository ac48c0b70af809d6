using System.Net.Http.Json;
using System.Text.Json;

namespace AccountPlaybooks.BrowserTests.Rules;

/// A demo account a lower Tier 1 threshold would promote, and that threshold. Chosen from today's scores, because
/// they follow the clock (signals age) and the tests share one server.
internal sealed record Tier1Mover(string Id, string Name, int Threshold)
{
    /// The best-scored Tier 2 account that never ran the Tier 1 playbook (the playbook's 14-day re-enrollment
    /// cooldown rightly keeps an account that left Tier 1 lately from starting it again), and the whole-number
    /// threshold that takes it into Tier 1.
    public static async Task<Tier1Mover> FindAsync(HttpClient ops, HttpClient manager)
    {
        var tier2 = (await ops.GetFromJsonAsync<JsonElement>("api/accounts?tier=Tier2&sort=score&pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("composite").ValueKind == JsonValueKind.Number && a.GetProperty("composite").GetDouble() is >= 1 and < 80)
            .Select(a => new Tier1Mover(a.GetProperty("id").GetString()!, a.GetProperty("name").GetString()!, (int)Math.Floor(a.GetProperty("composite").GetDouble())))
            .ToList();
        foreach (var mover in tier2)
        {
            var runs = await manager.GetFromJsonAsync<JsonElement>($"api/playbooks/tier1-priority/instances?accountId={mover.Id}");
            if (runs.GetProperty("items").GetArrayLength() == 0)
            {
                return mover;
            }
        }
        Assert.Fail($"the demo has a Tier 2 account scored below 80 that never ran the Tier 1 playbook (of {tier2.Count})");
        return null!;
    }
}
