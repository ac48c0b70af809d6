using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.Workflows.Activities;

/// <summary>Chooses a path by a condition in the rules' expression language, which the host evaluates.</summary>
/// <param name="conditions">The host's evaluator of conditions.</param>
[Activity("Flow", "Continues through True or False by a condition about the account.", Ports = ["True", "False"])]
public sealed class Decision(IConditionEvaluator conditions) : Activity
{
    /// <summary>The condition, e.g. score.Intent >= 50.</summary>
    [Input(InputKind.Expression, "A condition, e.g. score.Intent >= 50 || signals.Count(\"email_reply\", 14) > 0", Required = true)]
    public string Condition { get; set; } = "";

    /// <inheritdoc />
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var result = await conditions.EvaluateAsync(Condition, context.Instance, cancellationToken);
        return ActivityResult.Complete(result ? "True" : "False");
    }
}
