using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Chooses a path by a condition in the rules' expression language.</summary>
[Activity("Flow", "Continues through True or False by a condition about the account.", Ports = ["True", "False"])]
public sealed class Decision : Activity
{
    /// <summary>The condition, e.g. score.Intent >= 50.</summary>
    [Input(InputKind.Expression, "A condition, e.g. score.Intent >= 50 || signals.Count(\"email_reply\", 14) > 0", Required = true)]
    public string Condition { get; set; } = "";

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var result = await context.Service<IConditionEvaluator>().EvaluateAsync(Condition, context.Instance, cancellationToken);
        return ActivityResult.Complete(result ? "True" : "False");
    }
}
