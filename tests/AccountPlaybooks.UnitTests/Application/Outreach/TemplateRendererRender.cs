using AccountPlaybooks.Application.Outreach;

namespace AccountPlaybooks.UnitTests.Application.Outreach;

public sealed class TemplateRendererRender
{
    private readonly TemplateRenderer _renderer = new(new TemplatesOptions());

    private RenderResult Render(string text, TaskTemplateModel? model = null) => _renderer.Render("test.sbn", text, model ?? TaskTemplateModel.Sample);

    private TemplateProblem Problem(string text, TemplateRenderer? renderer = null)
    {
        var result = (renderer ?? _renderer).Render("test.sbn", text, TaskTemplateModel.Sample);
        Assert.Null(result.Task);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void RendersTitleFromFirstNonEmptyLineAndBodyFromTheRest()
    {
        var result = Render("\n  \n  Call {{ account.name }} ({{ account.tier }})  \n\n\n**Why:** {{ account.reasons[0] }}\n\n\n\n- {{ owner.name }}\n\n");

        Assert.Empty(result.Problems);
        Assert.Equal("Call Northwind Analytics (Tier1)", result.Task!.Title);
        Assert.Equal("**Why:** Series B in the last 30 days (+40 Intent)\n\n- Ravi Patel", result.Task.Body);
    }

    [Fact]
    public void CutsTheTitleAt200Characters()
    {
        var title = Render(new string('t', 300)).Task!.Title;

        Assert.Equal(200, title.Length);
        Assert.EndsWith("…", title);
    }

    [Fact]
    public void ReadsModelInSnakeCaseAndDictionaryKeysAsData()
    {
        var body = Render("x\n{{ account.annual_revenue }}|{{ account.tech_stack | array.join ',' }}|{{ account.components.Intent }}|" +
                          "{{ account.custom.crm_stage }}|{{ account.custom.no_such_key }}|{{ step.sla_due_at | date.to_string '%F %R' }}|" +
                          "{{ signal.properties.round }}|{{ playbook.version }}|{{ owner.time_zone }}|{{ now | date.to_string '%F' }}").Task!.Body;

        Assert.Equal("38500000|Salesforce,Snowflake,HubSpot|95|Discovery||2026-11-25 09:00|Series B|3|Europe/Berlin|2026-11-24", body);
    }

    [Fact]
    public void GivesLineAndColumnGivenSyntaxError()
    {
        var problem = Problem("Title\nBody line\n  {{ account.name + }}\n");

        Assert.Equal(("test.sbn", 3, 21), (problem.File, problem.Line, problem.Column));
        Assert.StartsWith("test.sbn:3:21: ", problem.ToString());
        Assert.Contains("Expecting an <expression>", problem.Message);
    }

    [Fact]
    public void StopsWithLoopLimitErrorGivenEndlessLoop()
    {
        var problem = Problem("{{ while true }}x{{ end }}");

        Assert.Equal((1, 4), (problem.Line, problem.Column));
        Assert.Contains("loop limit", problem.Message);
    }

    [Fact]
    public void FailsWithOutputLimitErrorGivenHugeOutput()
    {
        // 900 iterations stay under the loop limit; 900 × 100 characters do not fit in 64 KiB.
        var problem = Problem($"{{{{ x = '{new string('x', 100)}' }}}}{{{{ for i in 1..900 }}}}{{{{ x }}}}{{{{ end }}}}");

        Assert.Contains("OutputLimit", problem.Message);
        Assert.Contains("output limit: a task's text is at most 65536 characters", problem.Message);
    }

    [Fact]
    public void FailsWithOutputLimitErrorGivenHugeString()
    {
        var problem = Problem("{{ x = 'xxxxxxxxxx' }}{{ for i in 1..14 }}{{ x = x + x }}{{ end }}{{ x | string.size }}");

        Assert.Contains("output limit", problem.Message);
    }

    [Fact]
    public void NamesTheFieldAndSuggestsOneGivenMisspelledField()
    {
        var problem = Problem("Title {{ account.nmae }}");

        Assert.Equal((1, 18), (problem.Line, problem.Column));
        Assert.StartsWith("unknown field account.nmae. Did you mean name?", problem.Message);
    }

    [Fact]
    public void NamesMisspelledFieldInABranchThatDoesNotRun()
    {
        var problem = Problem("Title\n{{ if false }}\n{{ owner.emial }}\n{{ end }}");

        Assert.Equal(3, problem.Line);
        Assert.StartsWith("unknown field owner.emial. Did you mean email?", problem.Message);
    }

    [Fact]
    public void NamesTheVariableGivenUnknownVariable()
    {
        var problem = Problem("Title {{ acount.name }}");

        Assert.Equal((1, 10), (problem.Line, problem.Column));
        Assert.StartsWith("unknown variable acount. Did you mean account?", problem.Message);
    }

    [Fact]
    public void RefusesInclude()
    {
        var problem = Problem("Title {{ include 'secrets' }}");

        Assert.StartsWith("include is not allowed in task templates", problem.Message);
    }

    [Fact]
    public void StopsAtTheRecursionLimitGivenFunctionCallingItself()
    {
        var problem = Problem("{{ func down(n)\n  ret down(n + 1)\nend }}Title {{ down(1) }}");

        Assert.Equal(2, problem.Line);
        Assert.Contains("recursion limit: functions may nest at most 20 calls deep", problem.Message);
    }

    [Fact]
    public void StopsAtTheTimeLimitGivenWorkThatGrowsWithEveryCall()
    {
        // Three calls per level, 18 levels deep: within the recursion and loop limits, but 3^18 calls never finish.
        var renderer = new TemplateRenderer(new TemplatesOptions { TimeLimitMilliseconds = 100 });

        var problem = Problem("{{ func fan(n)\n if n > 0\n  fan(n - 1)\n  fan(n - 1)\n  fan(n - 1)\n end\nend }}Title {{ fan(18) }}", renderer);

        // The message is the proof: no wall-clock assertion here (speed belongs in bench/, not in tests).
        Assert.StartsWith("the render took longer than 100 ms (time limit)", problem.Message);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void RefusesToReassignAModelVariable()
    {
        var problem = Problem("{{ account = 'someone else' }}Title");

        Assert.Equal((1, 4), (problem.Line, problem.Column));
    }

    [Fact]
    public void TellsToTestFirstGivenMissingSignal()
    {
        var result = Render("Title {{ signal.type }}", TaskTemplateModel.Minimal);

        Assert.Contains("test them first", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void FailsGivenOutputWithoutTitle()
    {
        Assert.Contains("rendered nothing", Problem("{{ if false }}Title{{ end }}\n   \n").Message);
    }

    [Fact]
    public void ParsesSameTextOnceAndNamesTheFileOfEachRender()
    {
        var renderer = new TemplateRenderer(new TemplatesOptions());
        const string text = "Title {{ account.nmae }}";

        var first = renderer.Render("a.sbn", text, TaskTemplateModel.Sample);
        var second = renderer.Render("b.sbn", text, TaskTemplateModel.Sample);

        Assert.Equal(1, renderer.CachedTemplates);
        Assert.Equal(("a.sbn", "b.sbn"), (first.Problems[0].File, second.Problems[0].File));
    }
}
