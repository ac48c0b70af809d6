using System.Collections.Concurrent;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks;

/// Decision conditions in the rules' language, about the instance's account: the same facts (account, signals,
/// score), the same sandbox, compiled once per expression.
public sealed class PlaybookConditions(AppDbContext db, AccountEvaluator evaluator) : IConditionEvaluator
{
    private static readonly ConcurrentDictionary<string, RuleExpressions.Compiled> Cache = new();

    public string? Check(string expression) => RuleExpressions.Compile(expression).Problem?.ToString();

    public async ValueTask<bool> EvaluateAsync(string expression, InstanceState instance, CancellationToken cancellationToken)
    {
        var compiled = Cache.GetOrAdd(expression, text => RuleExpressions.Compile(text) is ({ } ok, null)
            ? ok
            : throw new InvalidOperationException($"the condition '{text}' does not compile"));
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == instance.Subject, cancellationToken);
        var (facts, signals, score) = await evaluator.FactsAsync(account, cancellationToken);
        return compiled.Evaluate(facts, signals, score);
    }
}
