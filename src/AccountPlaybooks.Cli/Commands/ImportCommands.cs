using System.CommandLine;
using AccountPlaybooks.Application;
using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Reps;
using AccountPlaybooks.Application.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace AccountPlaybooks.Cli.Commands;

/// `import accounts|signals|reps FILE`.
internal static class ImportCommands
{
    public static Command Create() => new("import", "Load accounts, signals or reps from a file")
    {
        Records("accounts", "Upsert accounts by id from CSV or JSON (see docs/import.md)",
            (services, records, token) => services.GetRequiredService<AccountImporter>().ImportAsync(records, token)),
        Records("signals", "Record signals from CSV, JSON or NDJSON; idempotent by id (see docs/signals.md)",
            (services, records, token) => services.GetRequiredService<SignalIngestor>().IngestAsync(records, token)),
        Reps(),
    };

    private static Command Records(string name, string description,
        Func<IServiceProvider, IAsyncEnumerable<SourceRecord>, CancellationToken, Task<ImportReport>> import)
    {
        var file = FileArgument();
        var command = new Command(name, description) { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            var output = parsed.InvocationConfiguration.Output;
            if (RecordFormats.FromFileName(path.Name) is not { } format)
            {
                await parsed.InvocationConfiguration.Error.WriteLineAsync($"{path.Name}: use a .csv, .json, .ndjson or .jsonl file");
                return Cli.UsageErrors;
            }
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var report = await import(scope.ServiceProvider, RecordReader.ReadAsync(stream, format, cancellationToken), cancellationToken);
            await ReportPrinter.PrintAsync(output, path.Name, name, report);
            return report.HasErrors ? Cli.ValidationErrors : Cli.Ok;
        });
        return command;
    }

    private static Command Reps()
    {
        var file = FileArgument();
        var command = new Command("reps", "Create or update reps and teams from a JSON array (see docs/import.md)") { file };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = parsed.GetValue(file)!;
            using var host = await CliHost.StartAsync(cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            try
            {
                var count = await scope.ServiceProvider.GetRequiredService<RepDirectory>().ImportAsync(stream, cancellationToken);
                await parsed.InvocationConfiguration.Output.WriteLineAsync($"{path.Name}: saved {count} reps");
                return Cli.Ok;
            }
            catch (ValidationException invalid)
            {
                await ReportPrinter.PrintAsync(parsed.InvocationConfiguration.Error, path.Name, invalid);
                return Cli.ValidationErrors;
            }
        });
        return command;
    }

    private static Argument<FileInfo> FileArgument()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The file to read" };
        file.AcceptExistingOnly();
        return file;
    }
}
