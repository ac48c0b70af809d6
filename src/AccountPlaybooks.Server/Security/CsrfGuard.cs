namespace AccountPlaybooks.Server.Security;

/// CSRF protection for the Studio's cookie (docs/adr/0023): an unsafe request that could ride on the cookie (it carries
/// the session cookie, or it is a sign-in) must carry <see cref="HeaderName"/>, which a cross-site form cannot send and a
/// cross-site script cannot send without a CORS preflight this server never grants; and a browser that says the request
/// is cross-site is refused outright. Bearer-token requests carry no ambient authority and are not affected.
public static class CsrfGuard
{
    public const string HeaderName = "X-Requested-With";
    public const string CookieName = "accountplaybooks";
    private const string LoginPath = "/api/auth/login";

    public static void UseCsrfGuard(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (Refusal(context.Request) is { } reason)
        {
            await TypedResults.Problem(title: "Cross-site request refused", detail: reason, statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    /// Why this request is refused, or null when it may go on.
    internal static string? Refusal(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method))
        {
            return null;
        }
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var rides = request.Cookies.ContainsKey(CookieName) || request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase);
        if (!rides)
        {
            return null; // no session to abuse: authorization answers as usual
        }
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return "This request came from another site. Use the Studio, or call the API with a bearer token.";
        }
        if (string.IsNullOrWhiteSpace(request.Headers[HeaderName]))
        {
            return $"A cookie-authenticated {request.Method} needs the {HeaderName} header (the Studio sends it). " +
                   "Scripts should call the API with a bearer token instead.";
        }
        return null;
    }
}
