namespace AccountPlaybooks.Workflows.Runtime;

/// <summary>The host's expression language (the rules' sandboxed one): the engine knows no facts, so the host
/// compiles and evaluates Decision conditions about the instance's subject.</summary>
public interface IConditionEvaluator
{
    /// <summary>Null when the expression compiles in the sandbox, else why not.</summary>
    string? Check(string expression);

    /// <summary>Evaluates a condition for an instance.</summary>
    ValueTask<bool> EvaluateAsync(string expression, InstanceState instance, CancellationToken cancellationToken);
}
