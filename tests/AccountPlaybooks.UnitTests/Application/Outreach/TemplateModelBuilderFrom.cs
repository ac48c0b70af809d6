using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Domain.Accounts;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Scoring;
using AccountPlaybooks.Domain.Signals;

namespace AccountPlaybooks.UnitTests.Application.Outreach;

public sealed class TemplateModelBuilderFrom
{
    private static readonly DateTime Now = new(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc); // a Friday

    [Fact]
    public void CopiesTheEntitiesIntoTheModel()
    {
        var account = new Account
        {
            Id = "acme", Name = "Acme", AnnualRevenue = 1_000_000m, TechStack = ["Snowflake"], Lifecycle = Lifecycle.Customer,
            CustomFields = new Dictionary<string, string> { ["crm_stage"] = "Won" },
        };
        var score = new AccountScore
        {
            AccountId = "acme", Tier = "Tier2", RulesetVersion = "v1", Composite = 55.5,
            Components = new Dictionary<string, double> { ["Fit"] = 80 }, Reasons = ["Fits the ICP (+25 Fit)"],
        };
        var signal = new Signal { Id = "s1", AccountId = "acme", Type = "pricing_visit", OccurredAt = Now, Properties = new() { ["page"] = "/pricing" } };
        var rep = new Rep { Id = "r1", Email = "ravi@example.test", Name = "Ravi", Role = RepRole.AE, TimeZone = "Europe/Berlin" };
        var step = TemplateModelBuilder.SampleStep(Now, signalled: true);

        var model = TemplateModelBuilder.From(account, score, signal, rep, step, null, Now);

        var body = new TemplateRenderer(new TemplatesOptions()).Render("t.sbn",
            "t\n{{ account.lifecycle }} {{ account.tier }} {{ account.score }} {{ account.components.Fit }} {{ account.reasons[0] }} " +
            "{{ account.custom.crm_stage }} {{ signal.properties.page }} {{ owner.role }} {{ owner.time_zone }} {{ step.due_at | date.to_string '%A' }}",
            model).Task!.Body;
        Assert.Equal("Customer Tier2 55.5 80 Fits the ICP (+25 Fit) Won /pricing AE Europe/Berlin Monday", body);
        Assert.Equal(Now.AddHours(24), step.SlaDueAt);
        score.Reasons.Add("changed later");
        Assert.Single(model.Account.Reasons);
    }
}
