using System.Text.Json;
using AccountPlaybooks.Workflows.Runtime;

namespace AccountPlaybooks.UnitTests.Workflows;

/// A stand-in for the host's expression language: each condition's answer comes from the scenario file.
internal sealed class ScenarioConditions(Dictionary<string, JsonElement> answers) : IConditionEvaluator, IServiceProvider
{
    public string? Check(string expression) => answers.ContainsKey(expression) ? null : $"unknown condition {expression}";

    public ValueTask<bool> EvaluateAsync(string expression, InstanceState instance, CancellationToken cancellationToken) =>
        answers[expression] switch
        {
            { ValueKind: JsonValueKind.True } => ValueTask.FromResult(true),
            { ValueKind: JsonValueKind.False } => ValueTask.FromResult(false),
            _ => throw new InvalidOperationException($"condition {expression} failed"),
        };

    public object? GetService(Type serviceType) => serviceType == typeof(IConditionEvaluator) ? this : null;
}
