using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Tests;

namespace AccountPlaybooks.UnitTests.Application.Outreach;

/// Every template in templates/ passes the checks a save runs, and renders a title against both samples.
public sealed class TemplateFolderFiles
{
    public static TheoryData<string> Names() => [.. TemplatesFolder.Read(RepoPaths.Templates).Keys];

    private static readonly TemplateRenderer Renderer = new(new TemplatesOptions());

    [Theory]
    [MemberData(nameof(Names))]
    public void Validates(string name)
    {
        var text = TemplatesFolder.Read(RepoPaths.Templates)[name];

        Assert.Empty(Renderer.Validate(TemplatesFolder.FileOf(name), text).Select(p => p.ToString()));
        foreach (var model in new[] { TaskTemplateModel.Sample, TaskTemplateModel.Minimal })
        {
            var task = Renderer.Render(TemplatesFolder.FileOf(name), text, model).Task!;
            Assert.Contains(model.Account.Name, task.Title);
            Assert.NotEmpty(task.Body);
        }
    }

    [Fact]
    public void HasTheSamplePlays()
    {
        Assert.Superset(new HashSet<string> { "tier1-research-brief", "tier1-signal-response", "tier2-sequence-email", "tier3-nurture-email", "escalation" },
            TemplatesFolder.Read(RepoPaths.Templates).Keys.ToHashSet());
    }

    [Fact]
    public void DocsNameEveryModelField()
    {
        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "templates.md"));

        var missing = TemplateFields.Variables.Where(v => !docs.Contains($"`{v}`", StringComparison.Ordinal))
            .Concat(TemplateFields.Records.SelectMany(r => r.Value.Select(f => $"{r.Key}.{f}")).Where(f => !docs.Contains($"`{f}`", StringComparison.Ordinal)));

        Assert.Empty(missing);
    }
}
