using System.CommandLine;
using System.Diagnostics;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Cli.Commands;

/// `evaluate`: publishes the rules folder and requests a full re-evaluation through the server's Quartz store (the
/// one path, docs/adr/0026); `--wait` follows the run to its end; `--now` runs it in this process (no server needed),
/// taking its turn like any runner; `evaluate --what-if [--rules DIR]`: what a draft would change, written nowhere.
internal static class EvaluateCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var whatIf = new Option<bool>("--what-if") { Description = "Only report what the rules would change; write nothing" };
        var rulesFolder = new Option<DirectoryInfo?>("--rules") { Description = "The rules folder to use (default: rules)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the requested run has ended and report it" };
        var now = new Option<bool>("--now")
        {
            Description = "Run the evaluation in this process now instead of asking the server (the default when Scheduling:Enabled=false)",
        };
        var command = new Command("evaluate", "Request a full re-evaluation of every account (or preview a rules change with --what-if)")
        {
            whatIf, rulesFolder, wait, now,
        };
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
            var reason = $"cli ({Environment.UserName})";
            var trigger = host.Services.GetService<CliEvaluationTrigger>();
            if (parsed.GetValue(now) || trigger is null)
            {
                return await RunHereAsync(host.Services, output, reason, cancellationToken);
            }
            var request = await host.Services.GetRequiredService<EvaluationRequests>().RequestAsync(reason, cancellationToken);
            var queue = scope.ServiceProvider.GetRequiredService<EvaluationQueue>();
            await output.WriteLineAsync(request.Joined
                ? $"evaluation {request.RunId} was already queued; this request joined it"
                : $"evaluation {request.RunId} queued");
            if (!trigger.Scheduled)
            {
                await output.WriteLineAsync("No server has stored the evaluation job in its scheduler yet: the run stays queued until a " +
                                            "server starts (it runs queued runs then), or run `accountplaybooks evaluate --now`.");
                return parsed.GetValue(wait) ? Cli.EvaluationNotRun : Cli.Ok;
            }
            if (!parsed.GetValue(wait))
            {
                await output.WriteLineAsync("A running server starts it; follow it with `accountplaybooks evaluate --wait` or GET /api/evaluations.");
                return Cli.Ok;
            }
            var run = await queue.FindAsync(request.RunId, cancellationToken);
            while (run is { Status: EvaluationRunStatus.Queued or EvaluationRunStatus.Running })
            {
                await Task.Delay(Poll, cancellationToken);
                run = await queue.FindAsync(request.RunId, cancellationToken);
            }
            return await ReportAsync(output, run!);
        });
        return command;
    }

    /// Interrupts a run an earlier `evaluate --now` on this machine left behind when it was killed, then runs the queue
    /// here. Another run running elsewhere is not waited for: the message names it.
    private static async Task<int> RunHereAsync(IServiceProvider services, TextWriter output, string reason, CancellationToken cancellationToken)
    {
        var runner = $"{RunnerPrefix}{Environment.ProcessId}";
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvaluationQueue>()
                .InterruptAsync(IsDeadCliRun, "the `evaluate --now` running it was stopped", cancellationToken);
        }
        var request = await services.GetRequiredService<EvaluationRequests>().RequestAsync(reason, cancellationToken);
        var drained = await services.GetRequiredService<EvaluationRunner>().RunQueuedAsync(runner, requeueWhenStopped: false, cancellationToken);
        if (drained.RunningElsewhere is { } busy)
        {
            await output.WriteLineAsync($"evaluation {busy.Id} is running on {busy.Runner} since {busy.StartedAt:u}; only one runs at a time. " +
                                        $"Run {request.RunId} stays queued and follows it (or try again later).");
            return Cli.EvaluationNotRun;
        }
        var exit = Cli.Ok;
        foreach (var run in drained.Runs)
        {
            exit = await ReportAsync(output, run);
        }
        return exit;
    }

    private static string RunnerPrefix => $"cli {Environment.MachineName} pid ";

    private static bool IsDeadCliRun(string runner)
    {
        if (!runner.StartsWith(RunnerPrefix, StringComparison.Ordinal) || !int.TryParse(runner[RunnerPrefix.Length..], out var pid))
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
    }

    private static async Task<int> ReportAsync(TextWriter output, EvaluationRun run)
    {
        await output.WriteLineAsync($"evaluation {run.Id} {run.Status}: {run.Accounts} accounts, {run.Changed} changed, {run.TierChanges} tier changes " +
                                    $"on rules {run.RulesetVersion} in {(run.FinishedAt - run.StartedAt)?.TotalSeconds:0.0} s" +
                                    (run.Error is { } error ? $" — {error}" : ""));
        return run.Status == EvaluationRunStatus.Completed ? Cli.Ok : Cli.ValidationErrors;
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
