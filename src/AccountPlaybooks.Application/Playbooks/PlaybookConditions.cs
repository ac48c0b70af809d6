using System.Collections.Concurrent;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Scoring.Facts;
using AccountPlaybooks.Data;
using AccountPlaybooks.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Application.Playbooks;

/// Decision conditions in the rules' language, about the instance's account: the same facts (account, signals,
/// score), the same sandbox and time budget, compiled once per expression.
public sealed class PlaybookConditions(AppDbContext db, AccountEvaluator evaluator, EvaluationOptions options) : IConditionEvaluator
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
        // The evaluations' time budget: a condition whose loops run away fails its node (retried, then an incident),
        // naming the condition, instead of holding a worker.
        var budget = new RuleTimeBudget(TimeProvider.System, TimeSpan.FromMilliseconds(options.AccountBudgetMilliseconds), account.Id);
        budget.Enter(expression, kind: "the Decision condition");
        var outcome = compiled.Evaluate(facts, new SignalWindow(signals.All, signals.Now, budget), score);
        budget.Check();
        return outcome;
    }
}
