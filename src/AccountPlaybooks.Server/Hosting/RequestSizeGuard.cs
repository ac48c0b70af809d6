using Microsoft.AspNetCore.Http.Metadata;

namespace AccountPlaybooks.Server.Hosting;

/// Answers 413 with a problem body as soon as a declared Content-Length is over the endpoint's limit
/// (imports allow more). Kestrel's own limit still stops bodies that do not declare their length.
internal static class RequestSizeGuard
{
    public static void UseRequestSizeGuard(this WebApplication app, ApiOptions options) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.MaxRequestBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await Results.Problem(title: "The request body is too large",
                detail: $"The body has {length:N0} bytes; this endpoint accepts at most {limit:N0}.",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
