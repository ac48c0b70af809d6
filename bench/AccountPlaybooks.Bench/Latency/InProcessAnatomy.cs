using System.Diagnostics;
using System.Globalization;
using System.Text;
using AccountPlaybooks.Application.Assignment;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Outreach;
using AccountPlaybooks.Application.Playbooks;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Application.Users;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Latency;

/// Where one signal's time goes, unloaded and without HTTP: in this process, one signal at a time on a fresh copy of
/// the prepared database, through the product's services (no product code changed). Every other signal goes through
/// the whole path (token lookup + SignalIngestor.IngestAsync, as the endpoint runs it); the others are taken apart
/// into the calls the ingestor makes, each timed with a Stopwatch: the token lookup, the store (BEGIN, the
/// ingestor's account and duplicate queries, INSERT, COMMIT), AccountEvaluator.EvaluateAsync, and the delivery
/// (tier read + PlaybookRuntime.DeliverSignalAsync, which starts the playbook: AssignOwner, CreateTask, save). Then
/// OwnerAssignment.AssignAsync alone (not saved), which AssignOwner calls inside the delivery, and the two pieces of
/// CreateTask's TaskDesk.OpenAsync that are not SQL: the due dates and the task text.
public static class InProcessAnatomy
{
    public const string Whole = "whole: token lookup + SignalIngestor.IngestAsync";
    public const string WholeCpu = "  the same: process CPU per signal, all threads (mean; every column)";
    public const string Auth = "token lookup (UserAdministration.FindByTokenAsync)";
    public const string Store = "store: BEGIN, account + duplicate queries, INSERT, COMMIT";
    public const string Evaluate = "evaluate: AccountEvaluator.EvaluateAsync";
    public const string Deliver = "deliver: tier read + PlaybookDelivery.DeliverSignalAsync";
    public const string Assign = "  inside deliver: OwnerAssignment.AssignAsync alone";
    public const string Text = "  inside deliver: task text (TemplateModelBuilder.BuildAsync + TemplateCatalog.Render)";
    public const string Calendar = "  inside deliver: due + SLA (2 × BusinessCalendar.Add)";

    public sealed record Step(string Name, double[] Milliseconds, double SqlCommands, double[] SqlMilliseconds, double Opens = double.NaN);

    public static async Task<List<Step>> RunAsync(string database, LatencyBenchSettings settings, string token, int samples, int firstAccount)
    {
        var sql = new StepSql();
        await using var services = LatencyDatabase.Services(database, settings,
            collection => collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(sql)));
        await services.GetRequiredService<RulesetRegistry>().LoadAsync(settings.Rules);
        await services.GetRequiredService<TemplateCatalog>().LoadAsync();
        await services.GetRequiredService<PlaybookCatalog>().LoadAsync(settings.Workflows);
        var timings = new Dictionary<string, List<(double Ms, int Commands, double SqlMs, int Opens)>>();
        var skip = samples / 5; // JIT and caches: the first fifth is not counted

        using var process = Process.GetCurrentProcess();
        var (wholeCpu, wholeCount) = (TimeSpan.Zero, 0);

        async Task Time(string name, int sample, Func<Task> action)
        {
            sql.Reset();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            await action();
            var elapsed = OpenLoop.Milliseconds(Stopwatch.GetTimestamp() - started);
            if (sample >= skip)
            {
                (timings.TryGetValue(name, out var list) ? list : timings[name] = []).Add((elapsed, sql.Commands, OpenLoop.Milliseconds(sql.Ticks), sql.Opens));
                if (name == Whole)
                {
                    process.Refresh();
                    (wholeCpu, wholeCount) = (wholeCpu + process.TotalProcessorTime - cpu, wholeCount + 1);
                }
            }
        }

        for (var k = 0; k < 2 * samples; k++)
        {
            var accountId = Rules.BenchSettings.AccountId(firstAccount + k);
            var signalId = "anatomy-" + k.ToString("D6", CultureInfo.InvariantCulture);
            var now = DateTime.UtcNow;
            if (k % 2 == 0)
            {
                await Time(Whole, k / 2, async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    _ = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByTokenAsync(token)
                        ?? throw new InvalidOperationException("the token is unknown");
                    var body = new MemoryStream(Encoding.UTF8.GetBytes(SignalPosts.Body(signalId, accountId, now)));
                    var report = await scope.ServiceProvider.GetRequiredService<SignalIngestor>().IngestAsync(RecordReader.ReadAsync(body, RecordFormat.Json));
                    if (report.Created != 1)
                    {
                        throw new InvalidOperationException($"the anatomy's signal was not created ({report.Failed} failed)");
                    }
                });
                continue;
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var provider = scope.ServiceProvider;
                var db = provider.GetRequiredService<AppDbContext>();
                var signal = new Signal
                {
                    Id = signalId, AccountId = accountId, Type = "page_visit", OccurredAt = now, Source = "bench",
                    Properties = new() { ["page"] = "/pricing" }, ReceivedAt = now,
                };
                await Time(Auth, k / 2, async () => _ = await provider.GetRequiredService<UserAdministration>().FindByTokenAsync(token));
                await Time(Store, k / 2, async () =>
                {
                    // The queries SignalIngestor's store step runs for a chunk of one signal (AccountResolver's, then the duplicates').
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    List<string> ids = [accountId];
                    List<string> domains = [];
                    _ = await db.Accounts.Where(a => ids.Contains(a.Id) || (a.Domain != null && domains.Contains(a.Domain)))
                        .Select(a => new { a.Id, a.Domain }).ToListAsync();
                    List<string> signalIds = [signalId];
                    _ = await db.Signals.Where(s => signalIds.Contains(s.Id)).Select(s => s.Id).ToListAsync();
                    db.Signals.Add(signal);
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                    db.ChangeTracker.Clear();
                });
                await Time(Evaluate, k / 2, async () => await provider.GetRequiredService<AccountEvaluator>().EvaluateAsync([accountId]));
                await Time(Deliver, k / 2, async () =>
                {
                    var tier = await db.AccountScores.AsNoTracking().Where(s => s.AccountId == accountId).Select(s => s.Tier).SingleOrDefaultAsync();
                    await provider.GetRequiredService<PlaybookDelivery>().DeliverSignalAsync(signal, tier);
                });
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var account = await db.Accounts.SingleAsync(a => a.Id == Rules.BenchSettings.AccountId(firstAccount + k + 1));
                await Time(Assign, k / 2, async () => _ = await scope.ServiceProvider.GetRequiredService<OwnerAssignment>()
                    .AssignAsync(account, new AssignRequest("roundRobin", "ae", null, true, true), DateTime.UtcNow, CancellationToken.None));
                var rep = await db.Reps.AsNoTracking().FirstAsync(r => r.Role == RepRole.AE);
                var due = DateTime.UtcNow;
                await Time(Calendar, k / 2, () =>
                {
                    var calendar = scope.ServiceProvider.GetRequiredService<BusinessCalendar>();
                    due = calendar.Add(DateTime.UtcNow, "PT4H", rep.TimeZone, rep.WorkingDays);
                    _ = calendar.Add(DateTime.UtcNow, "P1D", rep.TimeZone, rep.WorkingDays);
                    return Task.CompletedTask;
                });
                await Time(Text, k / 2, async () =>
                {
                    var (model, missing) = await scope.ServiceProvider.GetRequiredService<TemplateModelBuilder>().BuildAsync(accountId, signalId,
                        new TemplateStep("task", "email", due, due.AddDays(1)), new TemplatePlaybook(LatencyDatabase.PlaybookId, "bench", 1));
                    var rendered = scope.ServiceProvider.GetRequiredService<TemplateCatalog>().Render("tier1-signal-response",
                        model ?? throw new InvalidOperationException($"no template model: {missing}"));
                    _ = rendered.Task ?? throw new InvalidOperationException("the template did not render");
                });
            }
        }
        var steps = new[] { Whole, Auth, Store, Evaluate, Deliver, Assign, Text, Calendar }.Where(timings.ContainsKey).Select(name =>
        {
            var list = timings[name];
            return new Step(name, Sorted(list.Select(t => t.Ms)), list.Average(t => t.Commands), Sorted(list.Select(t => t.SqlMs)), list.Average(t => t.Opens));
        }).ToList();
        // Process CPU (all threads: GC, JIT, the thread pool) over the whole-path signals, per signal; the clock behind
        // it ticks in 10 ms steps, so only the mean over many signals means anything.
        steps.Insert(1, new Step(WholeCpu, [wholeCpu.TotalMilliseconds / Math.Max(1, wholeCount)], double.NaN, []));
        return steps;
    }

    /// OwnerAssignment.AssignAsync alone (not saved) on another database, e.g. the server's after the run, when far
    /// more accounts have an owner.
    public static async Task<Step> AssignmentAsync(string database, LatencyBenchSettings settings, int samples)
    {
        var sql = new StepSql();
        await using var services = LatencyDatabase.Services(database, settings,
            collection => collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(sql)));
        var list = new List<(double Ms, int Commands, double SqlMs, int Opens)>();
        for (var k = 0; k < samples + samples / 5; k++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.Id == Rules.BenchSettings.AccountId(k + 1));
            sql.Reset();
            var started = Stopwatch.GetTimestamp();
            _ = await scope.ServiceProvider.GetRequiredService<OwnerAssignment>()
                .AssignAsync(account, new AssignRequest("roundRobin", "ae", null, true, true), DateTime.UtcNow, CancellationToken.None);
            if (k >= samples / 5)
            {
                list.Add((OpenLoop.Milliseconds(Stopwatch.GetTimestamp() - started), sql.Commands, OpenLoop.Milliseconds(sql.Ticks), sql.Opens));
            }
        }
        return new Step("OwnerAssignment.AssignAsync alone", Sorted(list.Select(t => t.Ms)), list.Average(t => t.Commands), Sorted(list.Select(t => t.SqlMs)),
            list.Average(t => t.Opens));
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}
