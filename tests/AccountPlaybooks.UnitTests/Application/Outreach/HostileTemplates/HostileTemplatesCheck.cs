using System.Text.Json;
using AccountPlaybooks.Application.Outreach;

namespace AccountPlaybooks.UnitTests.Application.Outreach.HostileTemplates;

/// The hostile-template corpus (hostile-templates.json beside this file): each template is validated as a save is,
/// with the default limits, and must be refused with the reason named, keeping nothing in memory afterwards. (Total
/// allocation is no measure: a render stopped by the time limit allocates short-lived garbage at the machine's pace.)
public sealed class HostileTemplatesCheck
{
    public sealed record HostileTemplate(string Template, string Refused, string Why);

    private static readonly List<HostileTemplate> Corpus = JsonSerializer.Deserialize<List<HostileTemplate>>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Application", "Outreach", "HostileTemplates", "hostile-templates.json")),
        new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// Far above what a render leaves behind, far below what the corpus would hold without its limits.
    private const long MaxRetainedBytes = 64L * 1024 * 1024;

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < Corpus.Count; i++)
        {
            data.Add(i, Corpus[i].Why);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RefusesWithTheReasonNamedInBoundedMemory(int index, string why)
    {
        var item = Corpus[index];
        var renderer = new TemplateRenderer(new TemplatesOptions());

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var problems = renderer.Validate("hostile.sbn", item.Template);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.True(problems.Count > 0, $"{why}: accepted");
        Assert.True(problems.Any(p => p.Message.Contains(item.Refused, StringComparison.Ordinal)),
            $"{why}: expected a problem containing \"{item.Refused}\", got: {string.Join(" | ", problems)}");
        Assert.True(retained < MaxRetainedBytes, $"{why}: kept {retained / 1024 / 1024} MiB");
    }
}
