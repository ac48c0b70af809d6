using System.Reflection;
using AccountPlaybooks.Application.Outreach;
using Scriban.Runtime;

namespace AccountPlaybooks.UnitTests.Application.Outreach;

/// The field panel's list is the model the renderer imports: every field it lists renders, and every member of the
/// model is listed.
public sealed class TemplateFieldGuideVariables
{
    private static readonly TemplateRenderer Renderer = new(new TemplatesOptions());
    private static readonly TemplateFieldGuide Guide = new(Renderer);

    public static TheoryData<string> Inserts() => [.. Guide.Variables.SelectMany(v => v.Fields).SelectMany(f => new[] { f.Insert, f.Print }).Distinct()];

    [Theory]
    [MemberData(nameof(Inserts))]
    public void EveryListedFieldRendersAgainstBothSamples(string expression)
    {
        // The full sample and the minimal one (no signal, owner or playbook): what the panel inserts passes a save.
        Assert.Empty(Renderer.Validate("field.sbn", $"Title\n{{{{ {expression} }}}}").Select(p => p.ToString()));
    }

    [Fact]
    public void ListsEveryMemberOfTheModelAndNothingElse()
    {
        // Walks the model's types on its own (not through TemplateFields) and names members the way Scriban does.
        var expected = new List<string>();
        foreach (var property in typeof(TaskTemplateModel).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var variable = StandardMemberRenamer.Rename(property.Name);
            var members = property.PropertyType.IsClass && property.PropertyType != typeof(string)
                ? property.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray()
                : [];
            expected.AddRange(members.Length == 0 ? [variable] : members.Select(m => $"{variable}.{StandardMemberRenamer.Rename(m.Name)}"));
        }

        var listed = Guide.Variables.SelectMany(v => v.Fields).Select(f => f.Path).ToList();

        Assert.Equal(expected.Order(), listed.Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    [Fact]
    public void DescribesEveryVariableAndField()
    {
        Assert.All(Guide.Variables, v => Assert.False(string.IsNullOrWhiteSpace(v.Description), v.Name));
        Assert.All(Guide.Variables.SelectMany(v => v.Fields), f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Description), f.Path);
            Assert.False(string.IsNullOrWhiteSpace(f.Type), f.Path);
        });
    }

    [Fact]
    public void GivesTypesInWordsAndExamplesFromTheSample()
    {
        var fields = Guide.Variables.SelectMany(v => v.Fields).ToDictionary(f => f.Path);

        Assert.Equal(("text", false, "Northwind Analytics"), (fields["account.name"].Type, fields["account.name"].MayBeEmpty, fields["account.name"].Example));
        Assert.Equal(("whole number", true), (fields["account.employees"].Type, fields["account.employees"].MayBeEmpty));
        Assert.Equal(("list of text", true), (fields["account.reasons"].Type, fields["account.reasons"].MayBeEmpty));
        Assert.Equal("text → number", fields["account.components"].Type);
        Assert.Equal("date and time (UTC)", fields["step.due_at"].Type);
        Assert.Equal("funding_round", fields["signal.type"].Example);
    }

    [Fact]
    public void PrintsDatesListsMoneyAndDictionariesReadably()
    {
        var fields = Guide.Variables.SelectMany(v => v.Fields).ToDictionary(f => f.Path);

        Assert.Equal(("step.due_at | date.to_string '%a %d %b %H:%M UTC'", "Wed 25 Nov 09:00 UTC"), (fields["step.due_at"].Print, fields["step.due_at"].Example));
        Assert.Equal(("account.tech_stack | array.join \", \"", "Salesforce, Snowflake, HubSpot"), (fields["account.tech_stack"].Print, fields["account.tech_stack"].Example));
        Assert.Equal("38,500,000", fields["account.annual_revenue"].Example);
        Assert.Equal(("account.components.Fit", "keys in the sample: Fit, Technographic, Engagement, Intent"),
            (fields["account.components"].Print, fields["account.components"].Example));
        Assert.Equal("signal?.properties.round", fields["signal.properties"].Print);
    }

    [Fact]
    public void InsertsFieldsOfAVariableThatMayBeMissingNullSafe()
    {
        var variables = Guide.Variables.ToDictionary(v => v.Name);

        Assert.Equal(["signal", "owner", "playbook"], Guide.Variables.Where(v => v.MayBeMissing).Select(v => v.Name));
        Assert.Equal("signal?.type", variables["signal"].Fields[0].Insert);
        Assert.Equal("account.id", variables["account"].Fields[0].Insert);
        Assert.Equal("now", Assert.Single(variables["now"].Fields).Insert);
    }
}
