using Microsoft.AspNetCore.Mvc;

namespace AccountPlaybooks.Server.Playbooks;

/// The body of a refused publish (422), as <see cref="PlaybooksProblem.Rejected"/> writes it: every problem by node,
/// port or input, and the version that stays live. Declared in the OpenAPI document so clients can read problems.
public sealed class PlaybookRejection : ProblemDetails
{
    public int? LiveVersion { get; init; }
    public required IReadOnlyList<ProblemView> Problems { get; init; }
}
