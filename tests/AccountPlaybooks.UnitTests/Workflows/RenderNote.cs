using AccountPlaybooks.Workflows.Activities;

namespace AccountPlaybooks.UnitTests.Workflows;

/// A test-only activity with a template input, standing in for the sales activities that name templates.
[Activity("Test", "Renders a note from a template.")]
public sealed class RenderNote : Activity
{
    [Input(InputKind.Template, "The template to render", Required = true)]
    public string Template { get; set; } = "";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ActivityResult.Complete());
}
