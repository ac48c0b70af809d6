using AccountPlaybooks.Application.Import;

namespace AccountPlaybooks.Server.Hosting;

/// Reads an import request body as a stream of records, by its Content-Type.
internal static class ImportBody
{
    public static IResult? TryRead(HttpRequest request, out IAsyncEnumerable<SourceRecord> records)
    {
        records = AsyncEnumerable.Empty<SourceRecord>();
        if (RecordFormats.FromContentType(request.ContentType) is not { } format)
        {
            return TypedResults.Problem(
                title: "Unsupported content type",
                detail: $"'{request.ContentType}' is not accepted; send application/json (one object, an array or NDJSON) or text/csv.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        records = RecordReader.ReadAsync(request.Body, format, request.HttpContext.RequestAborted);
        return null;
    }
}
