using Microsoft.AspNetCore.Mvc;

namespace AccountPlaybooks.Server.Templates;

/// The body of a refused template (422), as <see cref="TemplatesProblem.Rejected"/> writes it: every problem and the
/// hash of the version that stays live. Declared in the OpenAPI document so clients can read problems.
public sealed class TemplateRejection : ProblemDetails
{
    public string? LiveHash { get; init; }
    public required IReadOnlyList<TemplateProblemView> Problems { get; init; }
}
