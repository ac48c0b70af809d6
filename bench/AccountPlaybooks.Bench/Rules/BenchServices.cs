using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Bench.Rules;

/// The product's services as the CLI sets them up (Data + Application on one configuration), pointed at a
/// benchmark database and the repository's rules folder, on a clock fixed at <see cref="BenchSettings.Now"/>.
public static class BenchServices
{
    public static ServiceProvider Build(string databasePath, string rulesFolder, Action<IServiceCollection>? extra = null, string overrides = "")
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={databasePath}",
            ["Rules:Folder"] = rulesFolder,
            ["Rules:Watch"] = "false",
        };
        foreach (var pair in overrides.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(); // no provider: the harness prints its own lines
        services.AddSingleton<TimeProvider>(new FixedClock(BenchSettings.Now));
        services.AddAccountPlaybooksData(configuration);
        services.AddAccountPlaybooksApplication(configuration);
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow);
    }

    /// One full evaluation as the product runs it: requested into the run queue, then drained in this process.
    public static async Task<EvaluationRun> RunFullEvaluationAsync(IServiceProvider services, string reason)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EvaluationQueue>().RequestAsync(reason);
        }
        var drained = await services.GetRequiredService<EvaluationRunner>().RunQueuedAsync(reason, requeueWhenStopped: false, CancellationToken.None);
        return drained.Runs[^1];
    }
}
