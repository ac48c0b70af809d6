using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Tests;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountPlaybooks.UnitTests.Application.Outreach;

/// The catalog on a private copy of templates/: a bad version never replaces the last good one.
public sealed class TemplateCatalogSave : IAsyncLifetime
{
    private readonly string _folder = RepoPaths.CopyOfTemplates();
    private TemplateCatalog _catalog = null!;

    public async Task InitializeAsync()
    {
        var options = new TemplatesOptions { Folder = _folder };
        _catalog = new TemplateCatalog(new TemplateRenderer(options), options, NullLogger<TemplateCatalog>.Instance);
        await _catalog.LoadAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private string Read(string name) => File.ReadAllText(Path.Combine(_folder, TemplatesFolder.FileOf(name)));

    [Fact]
    public void LoadsEveryTemplateInTheFolder()
    {
        Assert.Equal(TemplatesFolder.Read(_folder).Keys, _catalog.All.Select(t => t.Name));
        Assert.All(_catalog.All, t => Assert.Empty(t.Problems));
    }

    [Fact]
    public async Task KeepsTheLastGoodVersionAndTheFileGivenBadSave()
    {
        var before = _catalog.TryGet("escalation")!;

        var problems = await _catalog.SaveAsync("escalation", "Escalation {{ if account.tier }}");

        Assert.Equal(1, Assert.Single(problems).Line);
        Assert.Same(before, _catalog.TryGet("escalation"));
        Assert.Equal(before.Text, Read("escalation"));
        Assert.Empty(_catalog.ProblemsOf("escalation"));
    }

    [Fact]
    public async Task WritesAndSwapsGivenGoodSave()
    {
        Assert.Empty(await _catalog.SaveAsync("follow-up", "Follow up with {{ account.name }}\nBody"));

        Assert.Equal("Follow up with Northwind Analytics", _catalog.Render("follow-up", TaskTemplateModel.Sample).Task!.Title);
        Assert.Equal("Follow up with {{ account.name }}\nBody", Read("follow-up"));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task KeepsRenderingTheLastGoodVersionAndReportsLineAndColumnGivenBrokenFile()
    {
        var before = _catalog.TryGet("tier3-nurture-email")!;
        await File.WriteAllTextAsync(Path.Combine(_folder, "tier3-nurture-email.sbn"), "Nurture {{ account.name }}\n\n{{ for x in }}");

        await _catalog.ReloadAsync("test");

        Assert.Same(before, _catalog.TryGet("tier3-nurture-email"));
        Assert.All(_catalog.ProblemsOf("tier3-nurture-email"), p => Assert.StartsWith("tier3-nurture-email.sbn:3:13: ", p.ToString()));
        Assert.Equal("Nurture email for Northwind Analytics", _catalog.Render("tier3-nurture-email", TaskTemplateModel.Sample).Task!.Title);
    }

    [Fact]
    public async Task ForgetsTemplateGivenRemovedFile()
    {
        File.Delete(Path.Combine(_folder, "escalation.sbn"));

        await _catalog.ReloadAsync("test");

        Assert.False(_catalog.Exists("escalation"));
        Assert.Contains("there is no template escalation", _catalog.Render("escalation", TaskTemplateModel.Sample).Problems[0].Message);
    }
}
