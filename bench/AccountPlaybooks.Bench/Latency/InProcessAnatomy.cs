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
using AccountPlaybooks.Bench.Harness;
using AccountPlaybooks.Data;
using AccountPlaybooks.Data.Sqlite;
using AccountPlaybooks.Domain.Reps;
using AccountPlaybooks.Domain.Signals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Latency;

/// Where a signal's time goes, unloaded and without HTTP: in this process, on a fresh copy of the prepared database,
/// through the product's services (no product code changed), along the server's path since issue 13 (ADR 0030):
/// each signal goes in through SignalIntake.SubmitAsync alone (token lookup, then validate, queue, the group write —
/// account and duplicate queries, INSERT, latest-signal refresh — and COMMIT; a group of one, as when unloaded);
/// every `batch` stored signals are then processed as one drain batch. Every other batch goes through
/// SignalProcessor.ProcessNextBatchAsync whole; the others are taken apart into the calls the processor makes, each
/// timed with a Stopwatch: BEGIN + the claim query, the batch's evaluation and its store (AccountEvaluator.EvaluateAsync +
/// EvaluationWriter.StoreAsync: tier changes with their playbooks), the delivery with the tiers just decided (a
/// savepoint + PlaybookDelivery.DeliverSignalAsync per signal: starts the playbook — AssignOwner, CreateTask), marking the signals processed, COMMIT. Batch times are given per signal.
/// Then OwnerAssignment.AssignAsync alone (not saved), which AssignOwner calls inside the delivery, and the two
/// pieces of CreateTask's TaskDesk.OpenAsync that are not SQL: the due dates and the task text.
public static class InProcessAnatomy
{
    public const string Auth = "token lookup (UserAdministration.FindByTokenAsync)";
    public const string Intake = "intake: SignalIntake.SubmitAsync, one request alone (validate, queue, group write, COMMIT)";
    public const string Batch = "drain batch whole: SignalProcessor.ProcessNextBatchAsync, per signal";
    public const string WholeCpu = "  the same (intake + token + batch): process CPU per signal, all threads (mean; every column)";
    public const string Claim = "  batch taken apart: BEGIN + claim query, per signal";
    public const string Evaluate = "  batch taken apart: evaluate + store (AccountEvaluator.EvaluateAsync + EvaluationWriter.StoreAsync, batch's accounts), per signal";
    public const string Deliver = "  batch taken apart: deliver (savepoint + PlaybookDelivery.DeliverSignalAsync), per signal";
    public const string Mark = "  batch taken apart: mark processed (ExecuteUpdate) + COMMIT, per signal";
    public const string Assign = "  inside deliver: OwnerAssignment.AssignAsync alone";
    public const string Text = "  inside deliver: task text (TemplateModelBuilder.BuildAsync + TemplateCatalog.Render)";
    public const string Calendar = "  inside deliver: due + SLA (2 × BusinessCalendar.Add)";

    private const string ConnectionOpens = "connection opens";

    public sealed record Step(string Name, double[] Milliseconds, double SqlCommands, double[] SqlMilliseconds, double Opens = double.NaN);

    public static async Task<List<Step>> RunAsync(string database, LatencyBenchSettings settings, string token, int samples, int firstAccount,
        int batch = 50)
    {
        var sql = new SqlTimings { Open = ConnectionOpens };
        await using var services = LatencyDatabase.Services(database, settings, collection =>
        {
            collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(sql));
            collection.AddSignalIntake(new ConfigurationBuilder().Build()); // the server's intake (not its drain: batches are run here)
        });
        await services.GetRequiredService<RulesetRegistry>().LoadAsync(settings.Rules);
        await services.GetRequiredService<TemplateCatalog>().LoadAsync();
        await services.GetRequiredService<PlaybookCatalog>().LoadAsync(settings.Workflows);
        var intake = services.GetRequiredService<SignalIntake>();
        await intake.StartAsync(CancellationToken.None);
        var timings = new Dictionary<string, List<(double Ms, double Commands, double SqlMs, double Opens)>>();
        var batches = Math.Max(2, 2 * samples / batch);
        var skip = Math.Max(1, batches / 5); // JIT and caches: the first fifth of the batches is not counted

        using var process = Process.GetCurrentProcess();
        var (wholeCpu, wholeCount) = (TimeSpan.Zero, 0);

        async Task Time(string name, bool counted, int per, Func<Task> action)
        {
            sql.Reset();
            var started = Stopwatch.GetTimestamp();
            await action();
            var elapsed = OpenLoop.Milliseconds(Stopwatch.GetTimestamp() - started);
            if (counted)
            {
                var (sqlTicks, commands) = sql.Buckets[SqlTimings.Sql];
                (timings.TryGetValue(name, out var list) ? list : timings[name] = [])
                    .Add((elapsed / per, commands / (double)per, OpenLoop.Milliseconds(sqlTicks) / per, sql.Buckets[ConnectionOpens].Count / (double)per));
            }
        }

        var k = 0;
        for (var b = 0; b < batches; b++)
        {
            var counted = b >= skip;
            var whole = b % 2 == 0;
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            for (var i = 0; i < batch; i++, k++)
            {
                var accountId = Rules.BenchSettings.AccountId(firstAccount + k);
                var signalId = "anatomy-" + k.ToString("D6", CultureInfo.InvariantCulture);
                await using var scope = services.CreateAsyncScope();
                await Time(Auth, counted, 1, async () => _ = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByTokenAsync(token)
                    ?? throw new InvalidOperationException("the token is unknown"));
                await Time(Intake, counted, 1, async () =>
                {
                    var body = new MemoryStream(Encoding.UTF8.GetBytes(SignalPosts.Body(signalId, accountId, DateTime.UtcNow)));
                    var report = await intake.SubmitAsync(RecordReader.ReadAsync(body, RecordFormat.Json), CancellationToken.None);
                    if (report is not { Created: 1 })
                    {
                        throw new InvalidOperationException($"the anatomy's signal was not stored ({report?.Failed.ToString(CultureInfo.InvariantCulture) ?? "intake full"})");
                    }
                });
            }
            if (whole)
            {
                await Time(Batch, counted, batch, async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    var claimed = await scope.ServiceProvider.GetRequiredService<SignalProcessor>().ProcessNextBatchAsync();
                    if (claimed != batch)
                    {
                        throw new InvalidOperationException($"the batch claimed {claimed} signals, not {batch}");
                    }
                });
                if (counted)
                {
                    process.Refresh();
                    (wholeCpu, wholeCount) = (wholeCpu + process.TotalProcessorTime - cpu, wholeCount + batch);
                }
                continue;
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var provider = scope.ServiceProvider;
                var db = provider.GetRequiredService<AppDbContext>();
                Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction = null!;
                List<Signal> claimed = [];
                await Time(Claim, counted, batch, async () =>
                {
                    transaction = await db.Database.BeginTransactionAsync();
                    claimed = await db.Signals.Where(s => s.ProcessedAt == null).OrderBy(s => s.ReceivedAt).Take(SignalProcessor.BatchSize).AsNoTracking().ToListAsync();
                });
                var accounts = claimed.Select(s => s.AccountId).Distinct().ToList();
                ChunkResult result = ChunkResult.Empty;
                await Time(Evaluate, counted, batch, async () =>
                {
                    result = await provider.GetRequiredService<AccountEvaluator>().EvaluateAsync(accounts);
                    await provider.GetRequiredService<EvaluationWriter>().StoreAsync(result);
                });
                // The processor delivers with the tiers just decided (no read back since issue 13, part 3).
                var tiers = result.Accounts.ToDictionary(a => a.Account.Id, a => (string?)a.Decision.Tier);
                await Time(Deliver, counted, batch, async () =>
                {
                    foreach (var signal in claimed.OrderBy(s => s.OccurredAt))
                    {
                        await transaction.CreateSavepointAsync("anatomy");
                        await provider.GetRequiredService<PlaybookDelivery>().DeliverSignalAsync(signal, tiers.GetValueOrDefault(signal.AccountId));
                        await transaction.ReleaseSavepointAsync("anatomy");
                    }
                });
                await Time(Mark, counted, batch, async () =>
                {
                    var ids = claimed.Select(s => s.Id).ToList();
                    var now = DateTime.UtcNow;
                    await db.Signals.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(set => set.SetProperty(s => s.ProcessedAt, now));
                    await transaction.CommitAsync();
                    await transaction.DisposeAsync();
                });
            }
        }
        await intake.StopAsync(CancellationToken.None);

        for (var j = 0; j < samples; j++)
        {
            var counted = j >= samples / 5;
            var accountId = Rules.BenchSettings.AccountId(firstAccount + k + j);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
            await Time(Assign, counted, 1, async () => _ = await scope.ServiceProvider.GetRequiredService<OwnerAssignment>()
                .AssignAsync(account, new AssignRequest("roundRobin", "ae", null, true, true), DateTime.UtcNow, CancellationToken.None));
            var rep = await db.Reps.AsNoTracking().FirstAsync(r => r.Role == RepRole.AE);
            var due = DateTime.UtcNow;
            await Time(Calendar, counted, 1, () =>
            {
                var calendar = scope.ServiceProvider.GetRequiredService<BusinessCalendar>();
                due = calendar.Add(DateTime.UtcNow, "PT4H", rep.TimeZone, rep.WorkingDays);
                _ = calendar.Add(DateTime.UtcNow, "P1D", rep.TimeZone, rep.WorkingDays);
                return Task.CompletedTask;
            });
            // The task text for a processed signal of the drain phase (signal j is on account firstAccount + j).
            var signalId = "anatomy-" + j.ToString("D6", CultureInfo.InvariantCulture);
            var signalAccount = Rules.BenchSettings.AccountId(firstAccount + j);
            await Time(Text, counted, 1, async () =>
            {
                var (model, missing) = await scope.ServiceProvider.GetRequiredService<TemplateModelBuilder>().BuildAsync(signalAccount, signalId,
                    new TemplateStep("task", "email", due, due.AddDays(1)), new TemplatePlaybook(LatencyDatabase.PlaybookId, "bench", 1));
                var rendered = scope.ServiceProvider.GetRequiredService<TemplateCatalog>().Render("tier1-signal-response",
                    model ?? throw new InvalidOperationException($"no template model: {missing}"));
                _ = rendered.Task ?? throw new InvalidOperationException("the template did not render");
            });
        }
        var steps = new[] { Auth, Intake, Batch, Claim, Evaluate, Deliver, Mark, Assign, Text, Calendar }.Where(timings.ContainsKey).Select(name =>
        {
            var list = timings[name];
            return new Step(name, Sorted(list.Select(t => t.Ms)), list.Average(t => t.Commands), Sorted(list.Select(t => t.SqlMs)), list.Average(t => t.Opens));
        }).ToList();
        // Process CPU (all threads: GC, JIT, the thread pool) over the whole-batch rounds (their intake included), per
        // signal; the clock behind it ticks in 10 ms steps, so only the mean over many signals means anything.
        steps.Insert(3, new Step(WholeCpu, [wholeCpu.TotalMilliseconds / Math.Max(1, wholeCount)], double.NaN, []));
        return steps;
    }

    /// OwnerAssignment.AssignAsync alone (not saved) on another database, e.g. the server's after the run, when far
    /// more accounts have an owner.
    public static async Task<Step> AssignmentAsync(string database, LatencyBenchSettings settings, int samples)
    {
        var sql = new SqlTimings { Open = ConnectionOpens };
        await using var services = LatencyDatabase.Services(database, settings,
            collection => collection.ConfigureDbContext<SqliteDbContext>(db => db.AddInterceptors(sql)));
        var list = new List<(double Ms, long Commands, double SqlMs, long Opens)>();
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
                var (sqlTicks, commands) = sql.Buckets[SqlTimings.Sql];
                list.Add((OpenLoop.Milliseconds(Stopwatch.GetTimestamp() - started), commands, OpenLoop.Milliseconds(sqlTicks), sql.Buckets[ConnectionOpens].Count));
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
