using System.Diagnostics;
using System.Text.Json;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Server.Hosting.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AccountPlaybooks.Server.Rules;

/// A what-if answered as NDJSON (docs/adr/0013): progress lines while it runs, then the report. Runs on the request's
/// own token, so a client that goes away (closes the tab, presses Cancel) stops the evaluation at the next account.
public sealed class WhatIfStream(Ruleset draft, WhatIf whatIf) : IResult
{
    /// Progress lines at most this often, besides each phase's first and last: enough to move a bar smoothly.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);

    /// Whether the request asked for a stream (Accept: application/x-ndjson) rather than one JSON answer.
    public static bool Wanted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(RequestBodies.Ndjson, StringComparison.OrdinalIgnoreCase));

    public async Task ExecuteAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var logger = http.RequestServices.GetRequiredService<ILogger<WhatIfStream>>();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = $"{RequestBodies.Ndjson}; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no"; // a reverse proxy (nginx) passes each line on at once
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        async ValueTask WriteAsync(WhatIfStreamLine line)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(line, json);
            await http.Response.Body.WriteAsync(bytes, cancellationToken);
            await http.Response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
            await http.Response.Body.FlushAsync(cancellationToken);
        }

        var sinceLast = Stopwatch.StartNew();
        var lastPhase = "";
        async ValueTask ProgressAsync(WhatIfProgress progress)
        {
            var edge = progress.Phase != lastPhase || progress.Done == 0 || progress.Done >= progress.Total;
            if (edge || sinceLast.Elapsed >= ProgressInterval)
            {
                (lastPhase, sinceLast) = (progress.Phase, Stopwatch.StartNew());
                await WriteAsync(new WhatIfStreamLine(WhatIfStreamLine.ProgressType, Progress: progress));
            }
        }

        try
        {
            await http.Response.StartAsync(cancellationToken);
            var report = await whatIf.RunAsync(draft, ProgressAsync, cancellationToken);
            await WriteAsync(new WhatIfStreamLine(WhatIfStreamLine.ReportType, Report: report));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nobody is left to tell, and the run has stopped.
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "What-if on rules {Draft} failed", draft.Version);
            await WriteAsync(new WhatIfStreamLine(WhatIfStreamLine.FailedType,
                Error: new WhatIfFailure("The what-if stopped on an error", exception.Message)));
        }
    }
}
