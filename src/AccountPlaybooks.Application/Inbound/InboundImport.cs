using System.Net.Http.Headers;
using System.Text.Json;
using AccountPlaybooks.Application.Accounts;
using AccountPlaybooks.Application.Import;
using AccountPlaybooks.Application.Signals;
using AccountPlaybooks.Data;
using AccountPlaybooks.Domain.Imports;
using Microsoft.Extensions.Logging;

namespace AccountPlaybooks.Application.Inbound;

/// One pass of the scheduled import: every file waiting in the drop folder, then every URL source, each through the
/// same importers as the API and the CLI (AccountImporter, SignalIngestor) and each kept as an <see cref="ImportRun"/>.
/// A file is claimed by moving it into processing/ (atomic, so two nodes or an overlapping run-now never import it
/// twice), then moved to done/ or failed/ (docs/adr/0040-inbound-files-move-once.md). Nothing here throws for a bad
/// source: its run is failed with the reason.
public sealed class InboundImport(AppDbContext db, AccountImporter accounts, SignalIngestor signals, InboundOptions options,
    IHttpClientFactory clients, TimeProvider clock, ILogger<InboundImport> logger)
{
    public const string ClientName = "inbound";

    /// Rejected rows kept in a run's report; Failed counts them all.
    public const int MaxReportedErrors = 200;

    public const string Processing = "processing";
    public const string Done = "done";
    public const string FailedFolder = "failed";

    /// One pass at a time in this process (the scheduled job and run-now).
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<List<ImportRun>> RunAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var runs = new List<ImportRun>();
            if (!string.IsNullOrWhiteSpace(options.Folder))
            {
                foreach (var (path, kind, format) in WaitingFiles(options.Folder))
                {
                    if (await ImportFileAsync(path, kind, format, cancellationToken) is { } run)
                    {
                        runs.Add(run);
                    }
                }
            }
            foreach (var source in options.Sources)
            {
                runs.Add(await ImportUrlAsync(source, cancellationToken));
            }
            return runs;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// accounts*.csv|json|ndjson and signals*.csv|json|ndjson directly in the folder, oldest first.
    private static IEnumerable<(string Path, string Kind, RecordFormat Format)> WaitingFiles(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (f.FullName, Kind: KindOf(f.Name), Format: Path.GetExtension(f.Name).ToLowerInvariant() is ".csv" or ".json" or ".ndjson"
                ? RecordFormats.FromFileName(f.Name) : null))
            .Where(f => f.Kind is not null && f.Format is not null)
            .Select(f => (f.FullName, f.Kind!, f.Format!.Value));

    private static string? KindOf(string name) =>
        name.StartsWith(InboundSource.Accounts, StringComparison.OrdinalIgnoreCase) ? InboundSource.Accounts
        : name.StartsWith(InboundSource.Signals, StringComparison.OrdinalIgnoreCase) ? InboundSource.Signals
        : null;

    private async Task<ImportRun?> ImportFileAsync(string path, string kind, RecordFormat format, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var folder = Path.GetDirectoryName(path)!;
        var claimed = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, Processing)).FullName, name);
        try
        {
            File.Move(path, claimed);
        }
        catch (IOException)
        {
            return null; // another node or run took it, or it is still being written
        }
        var run = await ImportAsync(name, kind, async token =>
        {
            var size = new FileInfo(claimed).Length;
            if (size > options.MaxBytes)
            {
                throw new InboundException($"the file is {size:N0} bytes, more than Inbound:MaxBytes ({options.MaxBytes:N0})");
            }
            await using var stream = File.OpenRead(claimed);
            return await ImportStreamAsync(kind, stream, format, token);
        }, cancellationToken);
        var target = Directory.CreateDirectory(Path.Combine(folder, run.Status == ImportRun.FailedStatus ? FailedFolder : Done)).FullName;
        // A file of the same name imported before keeps its copy: the new one gets the run id in its name.
        File.Move(claimed, File.Exists(Path.Combine(target, name)) ? Path.Combine(target, $"{Path.GetFileNameWithoutExtension(name)}.run{run.Id}{Path.GetExtension(name)}")
            : Path.Combine(target, name));
        return run;
    }

    private Task<ImportRun> ImportUrlAsync(InboundSource source, CancellationToken cancellationToken) =>
        ImportAsync(source.Url!, source.Kind!, async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
            if (!string.IsNullOrEmpty(source.Token))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", source.Token);
            }
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InboundException($"the URL answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength > options.MaxBytes)
            {
                throw new InboundException($"the body is {response.Content.Headers.ContentLength:N0} bytes, more than Inbound:MaxBytes ({options.MaxBytes:N0})");
            }
            await using var body = await response.Content.ReadAsStreamAsync(token);
            await using var capped = new CappedStream(body, options.MaxBytes);
            return await ImportStreamAsync(source.Kind!, capped, source.Format == "csv" ? RecordFormat.Csv : RecordFormat.Json, token);
        }, cancellationToken);

    private Task<ImportReport> ImportStreamAsync(string kind, Stream stream, RecordFormat format, CancellationToken cancellationToken)
    {
        var records = RecordReader.ReadAsync(stream, format, cancellationToken);
        return kind == InboundSource.Accounts ? accounts.ImportAsync(records, cancellationToken) : signals.IngestAsync(records, cancellationToken);
    }

    /// Runs one import and keeps it as a row, whatever happens: a thrown error is the run's fatal error.
    private async Task<ImportRun> ImportAsync(string source, string kind, Func<CancellationToken, Task<ImportReport>> import,
        CancellationToken cancellationToken)
    {
        var run = new ImportRun { Source = source, Kind = kind, Status = ImportRun.FailedStatus, StartedAt = clock.GetUtcNow().UtcDateTime };
        try
        {
            var report = await import(cancellationToken);
            run.Received = report.Received;
            run.Created = report.Created;
            run.Updated = report.Updated;
            run.Failed = report.Failed;
            run.Error = report.Aborted;
            run.Report = JsonSerializer.Serialize(ImportRunReport.From(report, MaxReportedErrors), JsonSerializerOptions.Web);
            run.Status = !report.HasErrors ? ImportRun.OkStatus
                : report.Received - report.Failed > 0 ? ImportRun.PartialStatus
                : ImportRun.FailedStatus;
        }
        catch (Exception error) when (error is InboundException or HttpRequestException or IOException or TaskCanceledException
                                          or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            run.Error = error switch
            {
                TaskCanceledException => $"no answer within Inbound:TimeoutSeconds ({options.TimeoutSeconds})",
                HttpRequestException http => $"the URL could not be fetched: {http.Message}",
                _ => error.Message,
            };
        }
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Inbound {Kind} from {Source}: {Status}, {Created} created, {Updated} updated, {Failed} failed",
            kind, source, run.Status, run.Created, run.Updated, run.Failed);
        return run;
    }
}

/// A source that cannot be imported at all (too large, an HTTP error): the run's fatal error.
public sealed class InboundException(string message) : Exception(message);

/// What a run's Report column holds: the import report with its rejected rows capped.
public sealed record ImportRunReport(int Received, int Created, int Updated, int Unchanged, int Duplicates, int Failed,
    IReadOnlyList<ImportError> Errors, IReadOnlyList<string> IgnoredColumns, string? Aborted)
{
    public static ImportRunReport From(ImportReport report, int maxErrors) => new(report.Received, report.Created, report.Updated,
        report.Unchanged, report.Duplicates, report.Failed, report.Errors.Take(maxErrors).ToList(), report.IgnoredColumns.ToList(), report.Aborted);
}
