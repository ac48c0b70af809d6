using System.Text.Json.Serialization;
using AccountPlaybooks.Server.Demo;
using AccountPlaybooks.Server.Hosting.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Scalar.AspNetCore;
using Serilog;

namespace AccountPlaybooks.Server.Hosting;

public static class ApiSetup
{
    public static void AddAccountPlaybooksApi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        builder.Services.AddSingleton(options);
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The Studio (src/studio, built into wwwroot): its files are public; its data calls are not.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseDemoLoopbackGuard();
        app.UseRouting();
        app.UseRequestSizeGuard(app.Services.GetRequiredService<ApiOptions>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        // No fonts from Scalar's CDN: a self-hosted server may be offline, and the page should not call third parties.
        app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("AccountPlaybooks API").DisableDefaultFonts()).AllowAnonymous();
        // Client-side routes (/playbooks/x) load the Studio; an unknown API address stays a 404 problem.
        app.MapFallbackToFile("index.html").AllowAnonymous();
        app.MapFallback("/api/{**path}", () => Results.Problem(title: "There is no such API address", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription().AllowAnonymous();
    }

    /// Imports stream large bodies; everything else keeps the small default limit.
    public static RouteHandlerBuilder AllowsLargeBody(this RouteHandlerBuilder endpoint, ApiOptions options) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(options.MaxImportBytes));
}
