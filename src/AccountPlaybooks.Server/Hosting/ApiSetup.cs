using System.Text.Json.Serialization;
using AccountPlaybooks.Data.Settings;
using AccountPlaybooks.Server.Audit;
using AccountPlaybooks.Server.Demo;
using AccountPlaybooks.Server.Hosting.OpenApi;
using AccountPlaybooks.Server.Security;
using AccountPlaybooks.Server.Signals;
using Microsoft.AspNetCore.Mvc;
using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;

namespace AccountPlaybooks.Server.Hosting;

public static class ApiSetup
{
    public static void AddAccountPlaybooksApi(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddSettings<ApiOptions>(builder.Configuration, ApiOptions.Section);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        // Bad bodies throw, so ProblemExceptionHandler can name the field instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddAccountPlaybooksOpenApi();
    }

    public static void UseAccountPlaybooksPipeline(this WebApplication app)
    {
        // Outermost, so each request is logged with the status the client got (a refused input is a 400, not the 500
        // an escaping exception would look like); the Studio's files are logged at Debug only.
        app.UseSerilogRequestLogging(logging => logging.GetLevel = RequestLogLevel);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The Studio (src/studio, built into wwwroot): its files are public; its data calls are not.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseDemoLoopbackGuard();
        app.UseCsrfGuard();
        app.UseRouting();
        app.UseSignalIntakeGuard();
        app.UseRequestSizeGuard(app.Services.GetRequiredService<ApiOptions>());
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditActor();
        app.MapOpenApi().AllowAnonymous();
        // No fonts from Scalar's CDN: a self-hosted server may be offline, and the page should not call third parties.
        app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("AccountPlaybooks API").DisableDefaultFonts()).AllowAnonymous();
        // Client-side routes (/playbooks/x) load the Studio. API addresses are kept out of this fallback by a constraint:
        // an endpoint that refuses a request's content type would otherwise lose to the fallback (a 200 HTML page
        // instead of the API's own answer); an unknown API address stays a 404 problem.
        app.MapFallbackToFile("{**path:regex(^(?!api/|openapi/|health).*$)}", "index.html").AllowAnonymous();
    }

    private static LogEventLevel RequestLogLevel(HttpContext context, double elapsedMs, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Information
        : LogEventLevel.Debug;

    /// Imports stream large bodies; everything else keeps the small default limit.
    public static RouteHandlerBuilder AllowsLargeBody(this RouteHandlerBuilder endpoint, ApiOptions options) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(options.MaxImportBytes));
}
