using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.IntegrationTests.Fixtures;
using AccountPlaybooks.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.IntegrationTests.Demo;

/// A fresh demo start with the shipped rules and playbooks: every demo customer gets a motion and the motion's playbook
/// runs; the renewal playbook starts for exactly the customers within 90 days of their renewal, and more start as the
/// (fake) clock moves on.
public sealed class DemoCustomersInMotion(DemoWithPlaybooksApp app) : IClassFixture<DemoWithPlaybooksApp>
{
    private static readonly Dictionary<string, string> MotionPlaybooks = new()
    {
        ["Expand"] = "customer-expand", ["Defend"] = "customer-defend", ["Advocate"] = "customer-advocate",
    };

    [Fact]
    public async Task CustomersAreInMotionsWithTheirPlaybooksAndRenewalsStartNinetyDaysAhead()
    {
        var customers = await app.WithDbAsync(db => db.Accounts.AsNoTracking().Where(a => a.Lifecycle == Lifecycle.Customer).ToListAsync());
        Assert.True(customers.Count > 100, $"the demo has {customers.Count} customers");
        var motions = await Eventually.GetAsync(() => app.WithDbAsync(db => db.AccountScores.AsNoTracking()
                .Where(s => s.Motion != null).ToDictionaryAsync(s => s.AccountId, s => s.Motion!)),
            found => found.Count == customers.Count, "every demo customer has a motion", seconds: 180);
        Assert.Equal(["Advocate", "Defend", "Expand", "Maintain"], motions.Values.Distinct().Order());

        var running = await app.WithDbAsync(db => db.PlaybookInstances.AsNoTracking().Where(i => i.EndedAt == null)
            .Select(i => new { i.AccountId, i.DefinitionId }).ToListAsync());
        foreach (var (account, motion) in motions.Where(m => MotionPlaybooks.ContainsKey(m.Value)))
        {
            Assert.Contains(running, i => i.AccountId == account && i.DefinitionId == MotionPlaybooks[motion]);
        }
        var defendTasks = await app.WithDbAsync(db => db.Tasks.AsNoTracking().CountAsync(t => t.PlaybookId == "customer-defend"));
        Assert.Equal(motions.Count(m => m.Value == "Defend"), defendTasks);

        // Renewals: the sweep starts the renewal playbook for the customers 90 days or less from their date.
        int DueWithin(int days) => customers.Count(c => CustomFieldValues.ParseDate(c.CustomFields["renewal_date"]) is { } date &&
                                                         date <= app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(days));
        var due = DueWithin(90);
        Assert.InRange(due, 1, customers.Count - 1);
        Assert.Equal(due, await SweepAsync());
        Assert.Equal(due, await RenewalsAsync());

        app.Clock.Advance(TimeSpan.FromDays(30));
        var dueNow = DueWithin(90);
        Assert.True(dueNow > due);
        Assert.Equal(dueNow - due, await SweepAsync());
        Assert.Equal(dueNow, await RenewalsAsync());
        Assert.Equal(0, await SweepAsync());
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DateTriggerSweep>().SweepAsync();
    }

    private Task<int> RenewalsAsync() => app.WithDbAsync(db => db.PlaybookInstances.CountAsync(i => i.DefinitionId == "customer-renewal"));
}

public sealed class DemoWithPlaybooksApp() : AppFixture(DatabaseProvider.Sqlite)
{
    private readonly string _workflows = RepoPaths.CopyOfWorkflows();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true",
        ["Playbooks:Folder"] = _workflows,
    };
}
