using System.Text.Json;
using AccountPlaybooks.Application;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AccountPlaybooks.Server.Hosting;

/// Turns the exceptions that mean "your input" into RFC 7807 answers that name the field; the rest stay 500.
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException invalid => new HttpValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields",
            },
            ConcurrencyException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflicting change",
                Detail = conflict.Message,
            },
            RefusedException refused => Refusal(refused),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large" : "Bad request",
                Detail = Describe(bad),
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Refusal(RefusedException refused)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = refused.Title, Detail = refused.Message };
        foreach (var (key, value) in refused.Extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    /// A body that does not bind says which JSON path was wrong.
    private static string Describe(BadHttpRequestException bad) => bad.InnerException is JsonException json
        ? $"{json.Message.Split(". ")[0]} (at {json.Path ?? "$"})"
        : bad.Message;
}
