namespace AccountPlaybooks.Server.Security;

/// Headers on every answer: no MIME sniffing, no referrer sent elsewhere, never framed, and a Content-Security-Policy
/// that lets the Studio load only its own files. Mantine writes inline styles (style-src 'unsafe-inline'); the API
/// reference page (Scalar) boots from an inline module script, so /api/docs alone may run inline scripts.
public static class SecurityHeaders
{
    public const string StudioPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// Set as the answer starts, so error pages written after the exception handler cleared the response get them too.
    public static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() => Add(context));
        await next(context);
    });

    private static Task Add(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.XFrameOptions = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/docs") ? ApiReferencePolicy : StudioPolicy;
        return Task.CompletedTask;
    }
}
