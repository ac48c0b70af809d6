using System.CommandLine;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Cli.Commands;

/// `evaluate`: a full re-evaluation on the rules folder; `evaluate --what-if [--rules DIR]`: what a draft would
/// change, written nowhere.
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var whatIf = new Option<bool>("--what-if") { Description = "Only report what the rules would change; write nothing" };
        var rulesFolder = new Option<DirectoryInfo?>("--rules") { Description = "The rules folder to use (default: rules)" };
        var command = new Command("evaluate", "Re-evaluate every account (or preview a rules change with --what-if)") { whatIf, rulesFolder };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var folder = parsed.GetValue(rulesFolder)?.FullName ?? "rules";
            var (rules, cases) = RulesFolder.Read(folder);
            var (ruleset, result) = RulesetValidation.Validate(rules, cases);
            if (ruleset is null)
            {
                foreach (var problem in result.Problems)
                {
                    await output.WriteLineAsync(problem.ToString());
                }
                return Cli.ValidationErrors;
            }
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            if (parsed.GetValue(whatIf))
            {
                await PrintAsync(output, await scope.ServiceProvider.GetRequiredService<WhatIf>().RunAsync(ruleset, null, cancellationToken));
                return Cli.Ok;
            }
            await scope.ServiceProvider.GetRequiredService<RulesetRegistry>().PublishAsync(rules, cases, "cli evaluate", cancellationToken);
            var run = await scope.ServiceProvider.GetRequiredService<FullEvaluation>().RunAsync("cli", cancellationToken);
            await output.WriteLineAsync($"evaluation {run.Status}: {run.Accounts} accounts, {run.Changed} changed, {run.TierChanges} tier changes " +
                                        $"on rules {run.RulesetVersion} in {(run.FinishedAt - run.StartedAt)?.TotalSeconds:0.0} s");
            return run.Status == Domain.Scoring.EvaluationRunStatus.Completed ? Cli.Ok : Cli.ValidationErrors;
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, WhatIfReport report)
    {
        await output.WriteLineAsync($"What-if: rules {report.DraftVersion} against {report.Accounts} accounts (live: {report.LiveVersion ?? "none"}); nothing was written.");
        var tiers = report.TierCounts.Keys.Union(report.Movement.Values.SelectMany(v => v.Keys)).Order().ToList();
        await output.WriteLineAsync($"{"from \\ to",-14}" + string.Concat(tiers.Select(t => $"{t,14}")));
        foreach (var (from, row) in report.Movement.OrderBy(m => m.Key))
        {
            await output.WriteLineAsync($"{from,-14}" + string.Concat(tiers.Select(t => $"{row.GetValueOrDefault(t),14}")));
        }
        var cap = report.TopTierCap is { } limit ? $" (cap {limit}{(report.TierCounts.GetValueOrDefault(report.TopTier) > limit ? ", OVER CAP" : "")})" : "";
        await output.WriteLineAsync($"{report.TopTier}: {report.TierCounts.GetValueOrDefault(report.TopTier)} accounts{cap}");
        foreach (var load in report.TopTierLoadPerRep)
        {
            await output.WriteLineAsync($"  {load.Name}: {load.Accounts} of {load.Capacity}{(load.OverCapacity ? " — over capacity" : "")}");
        }
        await output.WriteLineAsync($"{report.MoversTotal} account(s) would move:");
        foreach (var mover in report.Movers.Take(50))
        {
            await output.WriteLineAsync($"  {mover.AccountId} {mover.Name}: {mover.From ?? "(none)"} → {mover.To} (composite {mover.Composite}; {string.Join(", ", mover.Rules)})");
        }
        if (report.Playbooks.Count > 0)
        {
            await output.WriteLineAsync("Playbooks:");
        }
        foreach (var playbook in report.Playbooks)
        {
            var tasks = playbook.TasksPerEntry is { } perEntry ? $", {playbook.TasksCreated} task(s) in the first {report.TaskHorizonDays} days ({perEntry} each)" : "";
            await output.WriteLineAsync($"  {playbook.PlaybookId}: {playbook.Entering} enter, {playbook.Leaving} leave ({playbook.OpenTasksCancelled} open task(s) cancelled){tasks}" +
                                        (playbook.EstimateNote is { } note ? $" — {note}" : ""));
        }
        if (report.TasksPerRep.Count > 0)
        {
            await output.WriteLineAsync($"Tasks per rep (created in the first {report.TaskHorizonDays} days, estimated / open tasks cancelled):");
        }
        foreach (var rep in report.TasksPerRep)
        {
            await output.WriteLineAsync($"  {rep.Name}: +{rep.Created} / -{rep.Cancelled}");
        }
    }
}
