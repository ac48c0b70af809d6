using AccountPlaybooks.Application.Outreach;

namespace AccountPlaybooks.UnitTests.Application.Outreach;

public sealed class TemplateRendererValidate
{
    private readonly TemplateRenderer _renderer = new(new TemplatesOptions { MaxTemplateChars = 1000 });

    [Fact]
    public void AcceptsTemplateThatTestsOptionalPartsFirst()
    {
        Assert.Empty(_renderer.Validate("ok.sbn", "Call {{ account.name }}\n{{ if signal }}{{ signal.type }}{{ end }}{{ owner?.name }}"));
    }

    [Fact]
    public void RejectsSignalReadWithoutTestGivenMinimalSample()
    {
        var problem = Assert.Single(_renderer.Validate("bad.sbn", "Call {{ account.name }}\nAfter {{ signal.type }}"));

        Assert.Equal((2, 17), (problem.Line, problem.Column));
        Assert.Contains("with the minimal sample", problem.Message);
    }

    [Fact]
    public void RejectsTooLongTemplate()
    {
        var problem = Assert.Single(_renderer.Validate("long.sbn", new string('x', 1001)));

        Assert.Equal("long.sbn: the template has 1001 characters; at most 1000 are allowed", problem.ToString());
    }

    [Fact]
    public void RejectsNestingDeeperThanTheParserAllows()
    {
        var problem = Assert.Single(_renderer.Validate("deep.sbn", "{{ " + new string('(', 400) + "1" + new string(')', 400) + " }}"));

        Assert.Contains("depth limit", problem.Message);
    }
}
