using AccountPlaybooks.Server.Hosting.OpenApi;
using System.Security.Claims;
using AccountPlaybooks.Application.Rules;
using AccountPlaybooks.Application.Scoring;
using AccountPlaybooks.Data;
using AccountPlaybooks.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AccountPlaybooks.Server.Rules;

/// Rules for ops: read a file, validate or preview a draft, publish (written to the rules folder and made live
/// only if it validates and passes the golden cases), list versions, roll back.
public static class RulesApi
{
    public sealed record RulesetView(string? ActiveVersion, IReadOnlyList<string> Files, IReadOnlyList<string> Components,
        IReadOnlyList<TierView> Tiers);

    public sealed record TierView(string Tier, int Rank, int? Cap);

    public sealed record VersionView(string Id, string Author, DateTime CreatedAt, string Status, string? Note, IReadOnlyList<string> Messages,
        IReadOnlyList<string> Files);

    /// One version with its files' text, for a diff between versions.
    public sealed record VersionDetail(string Id, string Author, DateTime CreatedAt, string Status, string? Note, IReadOnlyList<string> Messages,
        IReadOnlyList<RuleFileText> Files);

    public sealed record RuleFileText(string Name, string Content);

    public static void MapRulesApi(this WebApplication app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules").RequireAuthorization(Policies.Ops).MapRuleVocabulary();
        rules.MapGet("/", List).WithName("ListRules").WithSummary("The live ruleset: version, files, components and tiers");
        rules.MapGet("/score-distribution", Distribution).WithName("RuleScoreDistribution")
            .WithSummary("Today's composite scores: accounts per one-decimal composite and current tier, for the rules form's histogram");
        rules.MapGet("/versions", Versions).WithName("RuleVersions").WithSummary("Every publish attempt, accepted or rejected, newest first");
        rules.MapGet("/versions/{version}", Version).WithName("RuleVersion").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One version with the text of its files (to compare versions)");
        rules.MapPost("/versions/{version}/rollback", Rollback).WithName("RollbackRules").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem().Produces<RuleRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("Publish an earlier version again, with an optional note (?note=, up to 1,000 characters)");
        rules.MapGet("/{name}", Get).WithName("GetRuleFile")
            .Produces<string>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("One rule file as it is in the rules folder");
        rules.MapPut("/{name}", Publish).WithName("PublishRuleFile").AcceptsRuleFile()
            .ProducesValidationProblem().Produces<RuleRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("Replace a rule file: validated, golden-tested, written and made live, with an optional note (?note=, up to 1,000 " +
                         "characters) kept with the version; a bad file changes nothing (422)");
        rules.MapPost("/{name}/validate", Validate).WithName("ValidateRuleFile").AcceptsRuleFile()
            .ProducesProblem(StatusCodes.Status400BadRequest).Produces<RuleRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson).WithSummary("Check a draft of a rule file without publishing it");
        rules.MapPost("/{name}/preview", Preview).WithName("PreviewRuleFile").AcceptsRuleFile().ProducesWhatIfStream()
            .ProducesProblem(StatusCodes.Status400BadRequest).Produces<RuleRejection>(StatusCodes.Status422UnprocessableEntity, ProblemResponsesTransformer.ProblemJson)
            .WithSummary("What-if: the tier movement a draft would cause, the movers, the Tier 1 load and the playbook consequences; writes " +
                         "nothing. With Accept: application/x-ndjson the answer streams progress lines, then the report; closing the " +
                         "connection stops the run");
    }

    private static Ok<RulesetView> List(RulesetRegistry registry, RulesOptions options)
    {
        var active = registry.Active;
        return TypedResults.Ok(new RulesetView(active?.Version, RulesFolder.Read(options.Folder).Rules.Select(f => f.Name).ToList(),
            active?.ComponentNames ?? [], active?.Tiers.Select(t => new TierView(t.Tier, t.Rank, t.Cap)).ToList() ?? []));
    }

    private static Results<ContentHttpResult, NotFound> Get(string name, RulesOptions options)
    {
        var file = RulesFolder.FileName(name) is { } fileName ? RulesFolder.Read(options.Folder).Rules.FirstOrDefault(f => f.Name == fileName) : null;
        return file is null ? TypedResults.NotFound() : TypedResults.Text(file.Content, "application/json");
    }

    private static async Task<Results<Ok<PublishResult>, ProblemHttpResult>> Publish(string name, HttpRequest request, RulesetRegistry registry,
        RulesOptions options, ClaimsPrincipal user, string? note, CancellationToken cancellationToken)
    {
        var publishNote = PublishNote.Read(note);
        if (await DraftAsync(name, request, options, cancellationToken) is not { } draft)
        {
            return BadName(name);
        }
        var result = await registry.WithFolderAsync(async () =>
        {
            var published = await registry.PublishAsync(draft.Rules, draft.Cases, Author(user), publishNote, cancellationToken);
            if (published.Accepted)
            {
                await RulesFolder.WriteAsync(options.Folder, draft.File, cancellationToken);
            }
            return published;
        }, cancellationToken);
        return result.Accepted
            ? TypedResults.Ok(result)
            : RulesProblem.From(result, $"{draft.File.Name} was not published; version {registry.Active?.Version ?? "none"} stays live");
    }

    private static async Task<Results<Ok<PublishResult>, ProblemHttpResult>> Validate(string name, HttpRequest request, RulesOptions options,
        RuleCostCheck costs, CancellationToken cancellationToken)
    {
        if (await DraftAsync(name, request, options, cancellationToken) is not { } draft)
        {
            return BadName(name);
        }
        var (_, result) = await RulesetValidation.ValidateAsync(draft.Rules, draft.Cases, costs, cancellationToken);
        return result.Accepted ? TypedResults.Ok(result) : RulesProblem.From(result, $"{draft.File.Name} has problems");
    }

    private static async Task<Results<Ok<WhatIfReport>, WhatIfStream, ProblemHttpResult>> Preview(string name, HttpRequest request, RulesOptions options,
        WhatIf whatIf, CancellationToken cancellationToken)
    {
        if (await DraftAsync(name, request, options, cancellationToken) is not { } draft)
        {
            return BadName(name);
        }
        var (ruleset, result) = RulesetValidation.Validate(draft.Rules, draft.Cases);
        if (ruleset is null)
        {
            return RulesProblem.From(result, $"{draft.File.Name} has problems; nothing to preview");
        }
        if (WhatIfStream.Wanted(request))
        {
            return new WhatIfStream(ruleset, whatIf);
        }
        try
        {
            return TypedResults.Ok(await whatIf.RunAsync(ruleset, null, cancellationToken));
        }
        catch (RuleBudgetExceededException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The what-if ran past its time budget");
        }
    }

    private static async Task<Ok<ScoreDistributionReport>> Distribution(ScoreDistribution distribution, CancellationToken cancellationToken) =>
        TypedResults.Ok(await distribution.GetAsync(cancellationToken));

    private static async Task<Ok<List<VersionView>>> Versions(AppDbContext db, CancellationToken cancellationToken)
    {
        var records = await db.Rulesets.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(r => new VersionView(r.Id, r.Author, r.CreatedAt, r.Status.ToString(), r.Note, r.Messages,
            r.Files.Keys.Order(StringComparer.Ordinal).ToList())).ToList());
    }

    private static async Task<Results<Ok<VersionDetail>, NotFound>> Version(string version, AppDbContext db, CancellationToken cancellationToken)
    {
        var r = await db.Rulesets.AsNoTracking().SingleOrDefaultAsync(r => r.Id == version, cancellationToken);
        return r is null ? TypedResults.NotFound() : TypedResults.Ok(new VersionDetail(r.Id, r.Author, r.CreatedAt, r.Status.ToString(), r.Note, r.Messages,
            r.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new RuleFileText(f.Key, f.Value)).ToList()));
    }

    private static async Task<Results<Ok<PublishResult>, NotFound, ProblemHttpResult>> Rollback(string version, RulesetRegistry registry,
        RulesOptions options, ClaimsPrincipal user, string? note, CancellationToken cancellationToken)
    {
        var rollbackNote = PublishNote.Read(note);
        var rolledBack = await registry.WithFolderAsync(async () =>
        {
            var cases = RulesFolder.Read(options.Folder).Cases;
            if (await registry.RollbackAsync(version, cases, Author(user), rollbackNote, cancellationToken) is not var (result, files))
            {
                return null;
            }
            if (result.Accepted)
            {
                foreach (var stale in RulesFolder.Read(options.Folder).Rules.Where(f => files.All(kept => kept.Name != f.Name)))
                {
                    File.Delete(Path.Combine(options.Folder, stale.Name));
                }
                foreach (var file in files)
                {
                    await RulesFolder.WriteAsync(options.Folder, file, cancellationToken);
                }
            }
            return result;
        }, cancellationToken);
        if (rolledBack is null)
        {
            return TypedResults.NotFound();
        }
        return rolledBack.Accepted
            ? TypedResults.Ok(rolledBack)
            : RulesProblem.From(rolledBack, $"version {version} does not pass today's validation and golden cases");
    }

    private sealed record Draft(RuleFile File, List<RuleFile> Rules, List<RuleFile> Cases);

    /// The folder's files with this one replaced by the request body.
    private static async Task<Draft?> DraftAsync(string name, HttpRequest request, RulesOptions options, CancellationToken cancellationToken)
    {
        if (RulesFolder.FileName(name) is not { } fileName)
        {
            return null;
        }
        using var reader = new StreamReader(request.Body);
        var file = new RuleFile(fileName, await reader.ReadToEndAsync(cancellationToken));
        var (rules, cases) = RulesFolder.Read(options.Folder);
        rules.RemoveAll(f => f.Name == fileName);
        rules.Add(file);
        return new Draft(file, rules.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(), cases);
    }

    private static ProblemHttpResult BadName(string name) => TypedResults.Problem(title: "Bad rule file name",
        detail: $"'{name}' is not a rule file name: letters, digits, '-', '_' and '.', ending in .json (or without it)",
        statusCode: StatusCodes.Status400BadRequest);

    private static string Author(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "api";
}
