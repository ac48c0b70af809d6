using System.Security.Claims;
using AccountPlaybooks.Application.Rules;

namespace AccountPlaybooks.Server.Rules;

/// A draft of one rule file from a request body, compiled with the rest of the rules folder (nothing is written).
internal sealed record RuleDraft(string File, Ruleset? Ruleset, PublishResult Result, List<RuleFile> Cases)
{
    /// Null when the name is not a rule file name.
    public static async Task<RuleDraft?> CompileAsync(string name, HttpRequest request, RulesOptions options, CancellationToken cancellationToken)
    {
        if (RulesFolder.FileName(name) is not { } fileName)
        {
            return null;
        }
        using var reader = new StreamReader(request.Body);
        var (rules, cases) = RulesFolder.WithDraft(options.Folder, new RuleFile(fileName, await reader.ReadToEndAsync(cancellationToken)));
        var (ruleset, problems) = RulesetCompiler.Compile(rules);
        return new RuleDraft(fileName, ruleset, new PublishResult(ruleset is not null, RulesetCompiler.HashOf(rules)[..12], problems), cases);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadName(string name) => TypedResults.Problem(title: "Bad rule file name",
        detail: $"'{name}' is not a rule file name: letters, digits, '-', '_' and '.', ending in .json (or without it)",
        statusCode: StatusCodes.Status400BadRequest);

    public static string Author(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "api";
}
